import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/config";

// The proxy only sends anonymous visitors to /login. It is a convenience, not the check:
// every page, action and route handler asks lib/auth for the viewer itself.
export default auth((req) => {
  if (!req.auth) {
    const url = new URL("/login", req.nextUrl);
    if (req.nextUrl.pathname !== "/") url.searchParams.set("next", req.nextUrl.pathname);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
});

export const config = {
  matcher: ["/((?!login|api/auth|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
