import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { userSessions } from "@/db/schema";
import type { Viewer } from "@/lib/authz/viewer";
import { env } from "@/lib/env";
import { writeAudit } from "./audit";
import { UserFacingError } from "./errors";
import { endSessionsOf } from "./internal/sessions";

// The viewer's own sessions: the list on "Akun saya", logout, "end all other sessions".

/** Logout: the viewer's own session ends on the server; audited. */
export async function endOwnSession(viewer: Viewer): Promise<void> {
  if (!viewer.sessionId) return;
  await db().transaction(async (tx) => {
    await tx
      .update(userSessions)
      .set({ endedAt: sql`now()`, endReason: "keluar" })
      .where(and(eq(userSessions.id, viewer.sessionId!), eq(userSessions.userId, viewer.id), isNull(userSessions.endedAt)));
    await writeAudit(tx, { actorId: viewer.id, action: "auth.logout", entityType: "user", entityId: viewer.id, details: {} });
  });
}

export type OwnSession = { id: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date; ip: string | null; userAgent: string | null; current: boolean };

/** The viewer's own live sessions, newest first. */
export async function listOwnSessions(viewer: Viewer): Promise<OwnSession[]> {
  const idle = env().SESSION_IDLE_MINUTES;
  const rows = await db()
    .select({
      id: userSessions.id,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      expiresAt: userSessions.expiresAt,
      ip: userSessions.ip,
      userAgent: userSessions.userAgent,
    })
    .from(userSessions)
    .where(
      and(
        eq(userSessions.userId, viewer.id),
        isNull(userSessions.endedAt),
        sql`${userSessions.expiresAt} > now()`,
        sql`${userSessions.lastSeenAt} > now() - make_interval(mins => ${idle})`,
      ),
    )
    .orderBy(desc(userSessions.createdAt))
    .limit(50);
  return rows.map((r) => ({ ...r, current: r.id === viewer.sessionId }));
}

/** "Akhiri semua sesi lain": every other session of the viewer ends now; audited. */
export async function endOtherSessions(viewer: Viewer): Promise<number> {
  if (!viewer.sessionId) throw new UserFacingError("Sesi ini tidak dikenal; masuk kembali.");
  return db().transaction(async (tx) => {
    const n = await endSessionsOf(tx, viewer.id, "diakhiri_pengguna", viewer.sessionId);
    await writeAudit(tx, { actorId: viewer.id, action: "auth.end_other_sessions", entityType: "user", entityId: viewer.id, details: { sessions: n } });
    return n;
  });
}
