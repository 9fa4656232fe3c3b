import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { can, type Permission } from "@/lib/authz/permissions";
import type { Viewer } from "@/lib/authz/viewer";
import { viewerOfSession } from "@/lib/data/viewer";
import { auth } from "./config";
import { rememberSession } from "./request-meta";

/** The viewer of this request, re-read from the database (cached for the request), or null. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = (await auth()) as { uid?: string; sv?: number; sid?: string } | null;
  if (!session?.uid || typeof session.sv !== "number" || typeof session.sid !== "string") return null;
  const viewer = await viewerOfSession(session.sid, session.uid, session.sv);
  if (viewer) await rememberSession(session.sid);
  return viewer;
});

/**
 * Every page calls this itself (a layout check is not enough: layouts are not re-rendered on
 * client navigation). Anonymous → /login; must change password → /change-password;
 * lacking the permission → 403.
 */
export async function requireViewer(permission: Permission, opts: { allowMustChangePassword?: boolean; allowMfaSetup?: boolean } = {}): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  if (viewer.mustChangePassword && !opts.allowMustChangePassword) redirect("/change-password");
  if (viewer.mustEnrolMfa && !viewer.mustChangePassword && !opts.allowMfaSetup) redirect("/account/mfa");
  if (!can(viewer.role, permission)) forbidden();
  return viewer;
}
