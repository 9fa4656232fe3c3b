import { NextResponse, type NextRequest } from "next/server";

// The proxy only sends visitors without a session cookie to /login. It is a convenience, not the
// check: every page, action and route handler asks lib/auth for the viewer itself.
//
// It deliberately does not use Auth.js's `auth()` wrapper: that wrapper re-issues the session
// cookie on every response, so a link prefetch still in flight when the user logs out would
// set the cookie again and undo the logout.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export default function proxy(req: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => req.cookies.has(name) || req.cookies.getAll().some((c) => c.name.startsWith(`${name}.`)));
  if (!hasSession) {
    const url = new URL("/login", req.nextUrl);
    if (req.nextUrl.pathname !== "/") url.searchParams.set("next", req.nextUrl.pathname);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

// The import upload (POST /api/imports) stays out: a proxy buffers request bodies (10 MB by
// default), and worker lists are streamed to disk by the route, which checks the session itself.
export const config = {
  matcher: ["/((?!login|api/auth|api/imports$|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
