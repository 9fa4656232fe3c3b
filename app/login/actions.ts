"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import type { ActionResult } from "@/lib/auth/action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { signIn } from "@/lib/auth/config";
import { isHttpsRequest } from "@/lib/auth/cookies";
import { randomToken } from "@/lib/auth/seal";
import { CHALLENGE_MINUTES, demoCodeFor, passwordStep } from "@/lib/data/login";
import { env } from "@/lib/env";
import { loginCodeSchema, loginSchema } from "@/lib/validation/users";

export type LoginStep = { step: "password" | "code"; demoCode?: string | null };
type LoginResult = ActionResult<LoginStep>;

const CHALLENGE_COOKIE = "portal-login";
const DEVICE_COOKIE = "portal-device";
const SAME_MESSAGE = "Email atau kata sandi salah.";
const BLOCKED = "Terlalu banyak percobaan masuk yang gagal. Akun atau jaringan ini diblokir sementara; coba lagi dalam 15 menit.";

// Only same-site paths are accepted as the place to return to after login.
function safeNext(v: FormDataEntryValue | null): string {
  const s = typeof v === "string" ? v : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/login") ? s : "/dashboard";
}

function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]) {
  const fieldErrors: Record<string, string[]> = {};
  for (const i of issues) (fieldErrors[String(i.path[0])] ??= []).push(i.message);
  return fieldErrors;
}

async function cookieOptions(maxAgeSeconds: number) {
  return { httpOnly: true, sameSite: "lax" as const, secure: isHttpsRequest(await headers()), path: "/login", maxAge: maxAgeSeconds };
}

/** signIn with a challenge; its errors become the login page's messages. */
async function finish(credentials: { token: string; code?: string; device: string }, next: string, token: string): Promise<LoginResult> {
  try {
    await signIn("credentials", { ...credentials, redirectTo: next });
    return { status: "success" };
  } catch (e) {
    if (e instanceof CredentialsSignin && e.code === "blocked") return { status: "error", message: BLOCKED, data: { step: "password" } };
    if (e instanceof CredentialsSignin && e.code === "wrong_code") {
      const message = "Kode salah, kedaluwarsa atau sudah dipakai.";
      return { status: "error", message, fieldErrors: { code: [message] }, data: { step: "code", demoCode: await demoCodeFor(token) } };
    }
    if (e instanceof AuthError) {
      (await cookies()).delete({ name: CHALLENGE_COOKIE, path: "/login" });
      return { status: "error", message: "Waktu masuk habis. Masukkan email dan kata sandi lagi.", data: { step: "password" } };
    }
    throw e;
  }
}

export async function login(_prev: LoginResult | undefined, formData: FormData): Promise<LoginResult> {
  const jar = await cookies();
  const next = safeNext(formData.get("next"));
  const storedDevice = jar.get(DEVICE_COOKIE)?.value;
  const device = storedDevice && /^[A-Za-z0-9_-]{43}$/.test(storedDevice) ? storedDevice : randomToken();
  if (device !== storedDevice) jar.set(DEVICE_COOKIE, device, await cookieOptions(400 * 24 * 60 * 60));

  if (formData.get("step") === "code") {
    const token = jar.get(CHALLENGE_COOKIE)?.value;
    if (!token) return { status: "error", message: "Waktu masuk habis. Masukkan email dan kata sandi lagi.", data: { step: "password" } };
    const parsed = loginCodeSchema.safeParse({ code: formData.get("code") });
    if (!parsed.success) {
      return { status: "error", fieldErrors: fieldErrorsOf(parsed.error.issues), data: { step: "code", demoCode: await demoCodeFor(token) } };
    }
    return finish({ token, code: parsed.data.code, device }, next, token);
  }

  const parsed = loginSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error.issues), data: { step: "password" } };
  const ip = clientIpFrom(await headers(), env().TRUSTED_PROXY === "1");
  const res = await passwordStep({ ...parsed.data, ip, deviceId: storedDevice === device ? device : null });
  if (res.kind === "blocked") return { status: "error", message: BLOCKED, data: { step: "password" } };
  // One message for an unknown email and a wrong password.
  if (res.kind === "wrong") return { status: "error", message: SAME_MESSAGE, data: { step: "password" } };
  if (res.kind === "expired") {
    return {
      status: "error",
      message: "Kata sandi sementara ini sudah kedaluwarsa (berlaku 72 jam). Minta admin membuatkan kata sandi sementara yang baru.",
      data: { step: "password" },
    };
  }
  if (res.needsCode) {
    jar.set(CHALLENGE_COOKIE, res.token, await cookieOptions(CHALLENGE_MINUTES * 60));
    return { status: "idle", data: { step: "code", demoCode: await demoCodeFor(res.token) } };
  }
  return finish({ token: res.token, device }, next, res.token);
}
