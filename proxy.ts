import { NextResponse, type NextRequest } from "next/server";
import { isHttpsRequest } from "@/lib/auth/cookies";
import { contentSecurityPolicy, HSTS } from "@/lib/security-headers";

// The proxy does two things:
//  1. Every response it sees gets a Content-Security-Policy with a fresh nonce (set on the request
//     too, so Next.js puts the nonce on its scripts), and HSTS when the request came over HTTPS.
//  2. It sends visitors without a session cookie to /login. That is a convenience, not the check:
//     every page, action and route handler asks lib/auth for the viewer itself.
//
// It deliberately does not use Auth.js's `auth()` wrapper: that wrapper re-issues the session
// cookie on every response, so a link prefetch still in flight when the user logs out would
// set the cookie again and undo the logout.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC = /^\/(login|api\/auth)(\/|$)/;

export default function proxy(req: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => req.cookies.has(name) || req.cookies.getAll().some((c) => c.name.startsWith(`${name}.`)));
  const https = isHttpsRequest(req.headers);
  if (!hasSession && !PUBLIC.test(req.nextUrl.pathname)) {
    const url = new URL("/login", req.nextUrl);
    if (req.nextUrl.pathname !== "/") url.searchParams.set("next", req.nextUrl.pathname);
    const res = NextResponse.redirect(url);
    if (https) res.headers.set("Strict-Transport-Security", HSTS);
    return res;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  if (https) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

// The import upload (POST /api/imports) stays out: a proxy buffers request bodies (10 MB by
// default), and worker lists are streamed to disk by the route, which checks the session itself
// (its JSON answers carry the static headers of next.config.js).
export const config = {
  matcher: ["/((?!api/imports$|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
