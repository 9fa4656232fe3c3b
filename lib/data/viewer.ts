import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { offices, regencies, users } from "@/db/schema";
import { MFA_REQUIRED_ROLES } from "@/lib/authz/roles";
import type { Viewer } from "@/lib/authz/viewer";
import { env } from "@/lib/env";

/**
 * Loads the viewer behind a session (unscoped by design: this is how the scope is found).
 * Returns null when the user is gone, deactivated, or the session predates a password reset
 * or a role/area change.
 */
export async function loadViewer(userId: string, sessionVersion: number): Promise<Viewer | null> {
  const [row] = await db()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
      totpEnabledAt: users.totpEnabledAt,
      regencyCode: users.regencyCode,
      regencyName: regencies.name,
      officeId: users.officeId,
      officeName: offices.name,
      officeActive: offices.active,
      officeProvince: offices.provinceCode,
      regencyProvince: regencies.provinceCode,
    })
    .from(users)
    .leftJoin(regencies, eq(regencies.code, users.regencyCode))
    .leftJoin(offices, eq(offices.id, users.officeId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || !row.active || row.sessionVersion !== sessionVersion) return null;
  if (row.officeId != null && row.officeActive === false) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    mustChangePassword: row.mustChangePassword,
    mfaEnabled: row.totpEnabledAt != null,
    mustEnrolMfa: row.totpEnabledAt == null && MFA_REQUIRED_ROLES.includes(row.role),
    regencyCode: row.regencyCode,
    regencyName: row.regencyName,
    officeId: row.officeId,
    officeName: row.officeName,
    provinceCode: row.officeProvince ?? row.regencyProvince ?? null,
  };
}

/** last_seen_at is written at most this often, so a busy session is not a write per request. */
const TOUCH_SECONDS = 30;

/**
 * The viewer behind a session cookie, or null when the session ended, passed its absolute
 * lifetime or idled longer than the idle timeout (which then ends it). Unscoped by design: this is
 * how the scope is found.
 */
export async function viewerOfSession(sessionId: string, userId: string, sessionVersion: number): Promise<Viewer | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const idle = env().SESSION_IDLE_MINUTES;
  // One statement: refresh last_seen_at when it is older than TOUCH_SECONDS, end the session if
  // it idled out or expired, and say which.
  const rows = await db().execute<{ alive: boolean }>(sql`
    with s as (
      select id, (ended_at is null and expires_at > now() and last_seen_at > now() - make_interval(mins => ${idle})) as alive,
             ended_at is null as open, last_seen_at < now() - make_interval(secs => ${TOUCH_SECONDS}) as stale
        from user_sessions where id = ${sessionId} and user_id = ${userId}
    ), touched as (
      update user_sessions u set last_seen_at = now() from s where u.id = s.id and s.alive and s.stale returning u.id
    ), ended as (
      update user_sessions u set ended_at = now(), end_reason = case when u.expires_at <= now() then 'kedaluwarsa' else 'tidak_aktif' end
        from s where u.id = s.id and s.open and not s.alive returning u.id
    )
    select alive from s`);
  if (!rows[0]?.alive) return null;
  const viewer = await loadViewer(userId, sessionVersion);
  return viewer ? { ...viewer, sessionId } : null;
}
