import "server-only";
import type { z } from "zod";
import { can, ForbiddenError, type Permission } from "@/lib/authz/permissions";
import type { Viewer } from "@/lib/authz/viewer";
import { UserFacingError } from "@/lib/data/errors";
import { logUnexpected, unexpectedMessage } from "@/lib/log";
import { formDataToObject } from "@/lib/validation/form-data";
import { getViewer } from "./viewer";

export type ActionResult<T = undefined> = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was submitted, sent back on failure so the form keeps what was typed (never passwords). */
  values?: Record<string, unknown>;
  data?: T;
};

function echo(input: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(input).filter(([k]) => !/password/i.test(k)));
}

export const idle: ActionResult = { status: "idle" };

/**
 * A server action in the fixed order: viewer → permission → validate → handler. Whatever the
 * handler throws reaches the user only as an Indonesian sentence; raw errors are logged.
 */
export function authorizedAction<S extends z.ZodType, T = undefined>(
  permission: Permission,
  schema: S,
  handler: (viewer: Viewer, input: z.infer<S>) => Promise<ActionResult<T>>,
  opts: { allowMustChangePassword?: boolean; allowMfaSetup?: boolean } = {},
) {
  return async (_prev: ActionResult<T> | undefined, formData: FormData): Promise<ActionResult<T>> => {
    const viewer = await getViewer();
    if (!viewer) return { status: "error", message: "Sesi Anda telah berakhir. Silakan masuk kembali." };
    if (viewer.mustChangePassword && !opts.allowMustChangePassword) {
      return { status: "error", message: "Ganti kata sandi sementara Anda terlebih dahulu." };
    }
    if (viewer.mustEnrolMfa && !opts.allowMfaSetup && !opts.allowMustChangePassword) {
      return { status: "error", message: "Siapkan aplikasi autentikator (verifikasi dua langkah) terlebih dahulu." };
    }
    if (!can(viewer.role, permission)) return { status: "error", message: "Anda tidak berwenang melakukan tindakan ini." };
    const raw = formDataToObject(formData);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "_form");
        (fieldErrors[key] ??= []).push(issue.message);
      }
      return { status: "error", message: "Periksa kembali isian yang ditandai.", fieldErrors, values: echo(raw) };
    }
    try {
      return await handler(viewer, parsed.data);
    } catch (e) {
      if (e instanceof UserFacingError) return { status: "error", message: e.message, fieldErrors: e.fieldErrors, values: echo(raw) };
      if (e instanceof ForbiddenError) return { status: "error", message: e.message };
      if (isNextControlFlow(e)) throw e;
      // Logged by code and correlation id only: the error's message can hold the query's parameters.
      const id = logUnexpected(`aksi ${permission}`, e);
      return { status: "error", message: unexpectedMessage(id) };
    }
  };
}

// redirect()/notFound() work by throwing; they must pass through.
function isNextControlFlow(e: unknown): boolean {
  const digest = (e as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
