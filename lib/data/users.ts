import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { mfaRecoveryCodes, offices, regencies, users } from "@/db/schema";
import { generateOneTimePassword, hashPassword, verifyPassword } from "@/lib/auth/password";
import { weakPasswordReason } from "@/lib/auth/password-strength";
import { assertCan } from "@/lib/authz/permissions";
import type { Role } from "@/lib/authz/roles";
import type { Viewer } from "@/lib/authz/viewer";
import { writeAudit, type AuditAction } from "./audit";
import { isUniqueViolation, NotFoundError, UserFacingError } from "./errors";
import { ONE_TIME_PASSWORD_HOURS } from "./login";
import { endSessionsOf } from "./internal/sessions";

/** When a one-time password issued now stops working (real time, like every security timer). */
const oneTimeExpiry = () => new Date(Date.now() + ONE_TIME_PASSWORD_HOURS * 3600_000);

type Assignment = { role: Role; regencyCode?: string | null; officeId?: number | null };

function selectUsers() {
  return db()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      passwordExpiresAt: users.passwordExpiresAt,
      mfaEnabledAt: users.totpEnabledAt,
      regencyCode: users.regencyCode,
      regencyName: regencies.name,
      officeId: users.officeId,
      officeName: offices.name,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(regencies, eq(regencies.code, users.regencyCode))
    .leftJoin(offices, eq(offices.id, users.officeId))
    .$dynamic();
}

/** Users, for the admin page. Admins see everyone; nobody else reaches this. */
export async function listUsersForViewer(viewer: Viewer) {
  assertCan(viewer.role, "users.view");
  return selectUsers().orderBy(asc(users.role), asc(users.email));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getUserForViewer(viewer: Viewer, userId: string) {
  assertCan(viewer.role, "users.view");
  if (!UUID.test(userId)) throw new NotFoundError("Pengguna");
  const [user] = await selectUsers().where(eq(users.id, userId));
  if (!user) throw new NotFoundError("Pengguna");
  return user;
}

// Keeps only the binding the role needs and checks it exists: a kepala cabang sits in a
// branch, a kepala wilayah in a Kanwil.
async function normalizeAssignment(a: Assignment) {
  const isArea = a.role === "petugas" || a.role === "supervisor";
  const isOffice = a.role === "kepala_cabang" || a.role === "kepala_wilayah";
  const regencyCode = isArea ? (a.regencyCode ?? null) : null;
  const officeId = isOffice ? (a.officeId ?? null) : null;
  if (regencyCode) {
    const [r] = await db().select({ code: regencies.code }).from(regencies).where(eq(regencies.code, regencyCode));
    if (!r) throw new UserFacingError("Kabupaten/kota tidak dikenal.", { regencyCode: ["Kabupaten/kota tidak dikenal."] });
  }
  if (officeId != null) {
    const [o] = await db().select({ kind: offices.kind, active: offices.active }).from(offices).where(eq(offices.id, officeId));
    const wantKanwil = a.role === "kepala_wilayah";
    if (!o || !o.active || (o.kind === "kantor_wilayah") !== wantKanwil) {
      const msg = wantKanwil
        ? "Kepala Kantor Wilayah harus ditempatkan di Kantor Wilayah yang aktif."
        : "Kepala Kantor Cabang harus ditempatkan di kantor cabang yang aktif.";
      throw new UserFacingError(msg, { officeId: [msg] });
    }
  }
  return { role: a.role, regencyCode, officeId };
}

/** Creates a user with a one-time password that must be changed at first login. */
export async function createUser(viewer: Viewer, input: { name: string; email: string } & Assignment) {
  assertCan(viewer.role, "users.manage");
  const assignment = await normalizeAssignment(input);
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  try {
    const id = await db().transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          name: input.name,
          email: input.email.toLowerCase(),
          passwordHash,
          mustChangePassword: true,
          passwordExpiresAt: oneTimeExpiry(),
          ...assignment,
        })
        .returning({ id: users.id });
      await writeAudit(tx, {
        actorId: viewer.id,
        action: "user.create",
        entityType: "user",
        entityId: row!.id,
        details: { email: input.email, ...assignment },
      });
      return row!.id;
    });
    return { id, oneTimePassword };
  } catch (e) {
    if (isUniqueViolation(e, "users_email_key")) {
      throw new UserFacingError("Email ini sudah dipakai pengguna lain.", { email: ["Email ini sudah dipakai pengguna lain."] });
    }
    throw e;
  }
}

/** Any change that must end the user's current sessions bumps session_version and ends them on the server. */
async function updateUserAndEndSessions(
  viewer: Viewer,
  userId: string,
  action: AuditAction,
  set: Partial<typeof users.$inferInsert>,
  details: Record<string, unknown> = {},
  also?: (tx: Executor) => Promise<unknown>,
) {
  return db().transaction(async (tx) => {
    await also?.(tx);
    const [row] = await tx
      .update(users)
      .set({ ...set, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id, email: users.email });
    if (!row) throw new NotFoundError("Pengguna");
    await endSessionsOf(tx, userId, "admin");
    await writeAudit(tx, { actorId: viewer.id, action, entityType: "user", entityId: userId, details });
    return row;
  });
}

export async function setUserActive(viewer: Viewer, userId: string, active: boolean) {
  assertCan(viewer.role, "users.manage");
  if (userId === viewer.id && !active) throw new UserFacingError("Anda tidak dapat menonaktifkan akun Anda sendiri.");
  return updateUserAndEndSessions(viewer, userId, active ? "user.activate" : "user.deactivate", { active });
}

export async function resetUserPassword(viewer: Viewer, userId: string) {
  assertCan(viewer.role, "users.manage");
  const oneTimePassword = generateOneTimePassword();
  const row = await updateUserAndEndSessions(viewer, userId, "user.reset_password", {
    passwordHash: await hashPassword(oneTimePassword),
    mustChangePassword: true,
    passwordExpiresAt: oneTimeExpiry(),
  });
  return { email: row.email, oneTimePassword };
}

export async function updateUserAssignment(viewer: Viewer, userId: string, input: Assignment) {
  assertCan(viewer.role, "users.manage");
  if (userId === viewer.id && input.role !== "admin") throw new UserFacingError("Anda tidak dapat mengubah peran akun Anda sendiri.");
  const assignment = await normalizeAssignment(input);
  return updateUserAndEndSessions(viewer, userId, "user.update_assignment", assignment, assignment);
}

/**
 * The viewer changes their own password: at least 12 characters and not easily guessed (checked
 * here, on the server). Every other session of the user ends; this one goes on.
 */
export async function changeOwnPassword(viewer: Viewer, currentPassword: string, newPassword: string) {
  assertCan(viewer.role, "account.changePassword");
  const [row] = await db()
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, viewer.id), eq(users.active, true)));
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
    throw new UserFacingError("Kata sandi saat ini salah.", { currentPassword: ["Kata sandi saat ini salah."] });
  }
  const weak = weakPasswordReason(newPassword, [viewer.email, viewer.name]);
  if (weak) throw new UserFacingError(weak, { newPassword: [weak] });
  const passwordHash = await hashPassword(newPassword);
  await db().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordExpiresAt: null, updatedAt: new Date() }).where(eq(users.id, viewer.id));
    const ended = await endSessionsOf(tx, viewer.id, "ganti_sandi", viewer.sessionId);
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "user.change_own_password",
      entityType: "user",
      entityId: viewer.id,
      details: { otherSessionsEnded: ended },
    });
  });
}

/**
 * The admin resets a user's authenticator (a lost phone): the secret and recovery codes go, every
 * session ends, and the user sets up a new one at the next login. Audited.
 */
export async function resetUserMfa(viewer: Viewer, userId: string) {
  assertCan(viewer.role, "users.manage");
  return updateUserAndEndSessions(viewer, userId, "user.reset_mfa", { totpSecret: null, totpEnabledAt: null, totpLastStep: null }, {}, (tx) =>
    tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId)),
  );
}

export type SystemPanel = {
  importsRunning: number;
  importsFailed30: number;
  /** Active users who never signed in (no session ever), oldest account first, with how many in all. */
  neverLoggedIn: { id: string; name: string; role: Role; createdAt: Date }[];
  neverLoggedInTotal: number;
};

/**
 * The admin's system panel on the home page: bulk imports in a phase now or failed in the last 30
 * days (every area: the admin runs the platform), and active accounts nobody has signed in with.
 */
export async function getSystemPanelForViewer(viewer: Viewer): Promise<SystemPanel> {
  assertCan(viewer.role, "users.view");
  const [[imports], never] = await Promise.all([
    db().execute<{ running: number; failed: number }>(sql`
      select count(*) filter (where status in ('diunggah', 'memvalidasi', 'menerapkan'))::int as running,
             count(*) filter (where status = 'gagal' and ended_at > portal_now() - interval '30 days')::int as failed
        from import_batches`),
    db().execute<{ id: string; name: string; role: Role; createdAt: Date; total: number }>(sql`
      select u.id, u.name, u.role::text as role, u.created_at as "createdAt", count(*) over ()::int as total
        from users u where u.active and not exists (select 1 from user_sessions s where s.user_id = u.id)
       order by u.created_at limit 10`),
  ]);
  return {
    importsRunning: imports?.running ?? 0,
    importsFailed30: imports?.failed ?? 0,
    neverLoggedIn: never.map((u) => ({ id: u.id, name: u.name, role: u.role, createdAt: new Date(u.createdAt) })),
    neverLoggedInTotal: never[0]?.total ?? 0,
  };
}
