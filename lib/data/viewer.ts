import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { offices, regencies, users } from "@/db/schema";
import type { Viewer } from "@/lib/authz/viewer";

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
    regencyCode: row.regencyCode,
    regencyName: row.regencyName,
    officeId: row.officeId,
    officeName: row.officeName,
    provinceCode: row.officeProvince ?? row.regencyProvince ?? null,
  };
}
