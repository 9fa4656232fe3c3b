import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { can, type Permission } from "@/lib/authz/permissions";
import type { Viewer } from "@/lib/authz/viewer";
import { loadViewer } from "@/lib/data/viewer";
import { auth } from "./config";

/** The viewer of this request, re-read from the database (cached for the request), or null. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = (await auth()) as { uid?: string; sv?: number } | null;
  if (!session?.uid || typeof session.sv !== "number") return null;
  return loadViewer(session.uid, session.sv);
});

/**
 * Every page calls this itself (a layout check is not enough: layouts are not re-rendered on
 * client navigation). Anonymous → /login; must change password → /change-password;
 * lacking the permission → 403.
 */
export async function requireViewer(permission: Permission, opts: { allowMustChangePassword?: boolean } = {}): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  if (viewer.mustChangePassword && !opts.allowMustChangePassword) redirect("/change-password");
  if (!can(viewer.role, permission)) forbidden();
  return viewer;
}
