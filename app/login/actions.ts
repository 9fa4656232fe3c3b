"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import type { ActionResult } from "@/lib/auth/action";
import { signIn } from "@/lib/auth/config";
import { loginSchema } from "@/lib/validation/users";

// Only same-site paths are accepted as the place to return to after login.
function safeNext(v: FormDataEntryValue | null): string {
  const s = typeof v === "string" ? v : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/login") ? s : "/dashboard";
}

export async function login(_prev: ActionResult | undefined, formData: FormData): Promise<ActionResult> {
  const parsed = loginSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (fieldErrors[String(i.path[0])] ??= []).push(i.message);
    return { status: "error", fieldErrors };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeNext(formData.get("next")) });
    return { status: "success" };
  } catch (e) {
    if (e instanceof CredentialsSignin && e.code === "blocked") {
      return { status: "error", message: "Terlalu banyak percobaan masuk yang gagal. Akun atau jaringan ini diblokir sementara; coba lagi dalam 15 menit." };
    }
    // One message for an unknown email and a wrong password.
    if (e instanceof AuthError) return { status: "error", message: "Email atau kata sandi salah." };
    throw e;
  }
}
