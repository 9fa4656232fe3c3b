import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { can, ForbiddenError, type Permission } from "@/lib/authz/permissions";
import type { Viewer } from "@/lib/authz/viewer";
import { NotFoundError, UserFacingError } from "@/lib/data/errors";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/http-error";
import { logUnexpected, unexpectedMessage } from "@/lib/log";
import { getViewer } from "./viewer";

/** A JSON answer with an Indonesian message. */
export const jsonMessage = (status: number, message: string, extra: Record<string, unknown> = {}) => NextResponse.json({ message, ...extra }, { status });

const escapeHtml = (v: string) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The same answer as a page, for a browser that navigated to the route (a download link): the
 * message and a way back (the portal page it came from, or the login after a lost session).
 */
function pageMessage(req: NextRequest, status: number, message: string): Response {
  let back = { href: "/dashboard", label: "Kembali ke beranda" };
  if (status === 401) back = { href: "/login", label: "Masuk kembali" };
  else {
    try {
      const from = new URL(req.headers.get("referer") ?? "");
      // Only a path of this portal: "//host/…" would leave it.
      if (from.host === ownHost(req) && !from.pathname.startsWith("//")) back = { href: from.pathname + from.search, label: "Kembali" };
    } catch {}
  }
  const html =
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>Portal Pekerja Rentan</title></head><body><main><h1>Portal Pekerja Rentan</h1><p role="alert">${escapeHtml(message)}</p>` +
    `<p><a href="${escapeHtml(back.href)}">${back.label}</a></p></main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

type RouteContext<P> = { params: Promise<P> };
type Options = {
  /**
   * Content types a non-GET request may carry ("" = none given), or a rule over the type. Anything
   * else is refused with 415.
   */
  accepts?: string[] | ((type: string) => boolean);
};

/**
 * The types an HTML form (or a "simple" cross-site request) on another site can send, and JSON:
 * never a file upload's body. The portal's own upload forms name their type explicitly.
 */
export const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain", "application/json", ""];

/** The portal's own host as the request reached it (behind a trusted proxy: its forwarded host). */
function ownHost(req: NextRequest): string | null {
  if (env().TRUSTED_PROXY === "1") {
    const forwarded = req.headers.get("x-forwarded-host")?.split(",").pop()?.trim();
    if (forwarded) return forwarded;
  }
  return req.headers.get("host");
}

function sameOrigin(req: NextRequest): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host === ownHost(req);
  } catch {
    return false;
  }
}

/**
 * A route handler in the fixed order of authorizedAction: origin and content type (every method
 * but GET/HEAD) → viewer → must-change-password → permission → handler. Whatever the handler throws
 * becomes a status chosen by the error's type (HttpError's own status, NotFoundError 404,
 * ForbiddenError 403, UserFacingError 400); anything else is logged by code and correlation id and
 * answered 500 with that id. `permission` null: signed-in viewers, the data function checks.
 */
export function authorizedRoute<P = Record<string, never>>(
  permission: Permission | null,
  handler: (req: NextRequest, ctx: { viewer: Viewer; params: P }) => Promise<Response>,
  opts: Options = {},
) {
  return async (req: NextRequest, routeCtx: RouteContext<P>): Promise<Response> => {
    // A browser that navigated here (a download link) gets a page; fetches and scripts get JSON.
    const navigated = req.headers.get("sec-fetch-mode") === "navigate";
    const answer = (status: number, message: string, extra?: Record<string, unknown>): Response =>
      navigated ? pageMessage(req, status, message) : jsonMessage(status, message, extra);
    if (req.method !== "GET" && req.method !== "HEAD") {
      if (!sameOrigin(req)) return answer(403, "Permintaan ditolak: tidak berasal dari halaman portal ini.");
      const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
      const accepted = !opts.accepts || (typeof opts.accepts === "function" ? opts.accepts(type) : opts.accepts.includes(type));
      if (!accepted) return answer(415, "Jenis berkas yang dikirim tidak diterima di sini.");
    }
    const viewer = await getViewer();
    if (!viewer) return answer(401, "Sesi Anda telah berakhir. Silakan masuk kembali.");
    if (viewer.mustChangePassword) return answer(403, "Ganti kata sandi sementara Anda terlebih dahulu.");
    if (viewer.mustEnrolMfa) return answer(403, "Siapkan aplikasi autentikator (verifikasi dua langkah) terlebih dahulu.");
    if (permission && !can(viewer.role, permission)) return answer(403, "Anda tidak berwenang.");
    try {
      return await handler(req, { viewer, params: (await routeCtx.params) ?? ({} as P) });
    } catch (e) {
      if (e instanceof HttpError) return answer(e.status, e.message);
      if (e instanceof NotFoundError) return answer(404, e.message);
      if (e instanceof ForbiddenError) return answer(403, "Anda tidak berwenang.");
      if (e instanceof UserFacingError) return answer(400, e.message, e.fieldErrors ? { fieldErrors: e.fieldErrors } : {});
      const id = logUnexpected(`rute ${req.method} ${req.nextUrl.pathname}`, e);
      return answer(500, unexpectedMessage(id), { code: id });
    }
  };
}

/** A positive integer route id, or NotFoundError (ids are never trusted from the URL). */
export function routeId(raw: string | null | undefined, what: string): number {
  const id = Number(raw);
  if (!raw || !Number.isInteger(id) || id <= 0) throw new NotFoundError(what);
  return id;
}
