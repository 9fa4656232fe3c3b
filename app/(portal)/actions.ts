"use server";
import { signOut } from "@/lib/auth/config";
import { getViewer } from "@/lib/auth/viewer";
import { endOwnSession } from "@/lib/data/sessions";

/** Logout ends the session on the server first: a copied cookie is worthless after it. */
export async function logout() {
  const viewer = await getViewer();
  if (viewer) await endOwnSession(viewer);
  await signOut({ redirectTo: "/login" });
}
