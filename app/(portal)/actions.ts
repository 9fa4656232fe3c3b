"use server";
import { signOut } from "@/lib/auth/config";

export async function logout() {
  await signOut({ redirectTo: "/login" });
}
