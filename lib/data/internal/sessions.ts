import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { userSessions } from "@/db/schema";
import { env } from "@/lib/env";

// Server-side sessions (ASVS 5.0 V7): the cookie (an Auth.js JWT) names the user, the session
// version and a user_sessions row; the row decides whether the session still lives. Lifetimes
// are settings (SESSION_ABSOLUTE_MINUTES, SESSION_IDLE_MINUTES) so tests can shorten them.

/** Opens a session at login; its absolute end is fixed now and never extended. */
export async function openSession(tx: Executor, userId: string, meta: { ip: string; userAgent: string | null }): Promise<string> {
  const [row] = await tx
    .insert(userSessions)
    .values({
      userId,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      expiresAt: sql`now() + make_interval(mins => ${env().SESSION_ABSOLUTE_MINUTES})`,
    })
    .returning({ id: userSessions.id });
  return row!.id;
}

/** Ends every open session of a user but `keep` (inside the caller's transaction). */
export async function endSessionsOf(tx: Executor, userId: string, reason: string, keep?: string): Promise<number> {
  const rows = await tx
    .update(userSessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt), keep ? ne(userSessions.id, keep) : undefined))
    .returning({ id: userSessions.id });
  return rows.length;
}
