import "server-only";
import { logUnexpected } from "@/lib/log";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { z } from "zod";
import { completeLogin } from "@/lib/data/login";
import { clientIpFrom } from "./client-ip";

export class LoginBlockedError extends CredentialsSignin {
  code = "blocked";
}
export class LoginExpiredError extends CredentialsSignin {
  code = "expired";
}
export class WrongCodeError extends CredentialsSignin {
  code = "wrong_code";
}

const credentialsSchema = z.object({ token: z.string().min(20).max(100), code: z.string().max(40).optional(), device: z.string().max(100).optional() });

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // A failed login is expected traffic, not a server error: keep it (and its email) out of the logs.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      logUnexpected("auth", error);
    },
  },
  // The cookie may outlive nothing: the server-side session (lib/data/sessions.ts) decides, with
  // an absolute lifetime that re-issuing the cookie does not extend.
  // (Read here without env(): the build loads this module without a database configured.)
  session: { strategy: "jwt", maxAge: (Number(process.env.SESSION_ABSOLUTE_MINUTES) || 8 * 60) * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      // Only a challenge opened by the password step (app/login/actions.ts) signs in here.
      credentials: { token: {}, code: {}, device: {} },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const out = await completeLogin({
          token: parsed.data.token,
          code: parsed.data.code ?? null,
          ip: clientIpFrom(request.headers, env().TRUSTED_PROXY === "1"),
          userAgent: request.headers.get("user-agent"),
          deviceId: parsed.data.device || null,
        });
        if (out.kind === "blocked") throw new LoginBlockedError();
        if (out.kind === "expired") throw new LoginExpiredError();
        if (out.kind === "wrong_code") throw new WrongCodeError();
        return { id: out.user.id, name: out.user.name, sessionVersion: out.user.sessionVersion, sid: out.user.sessionId };
      },
    }),
  ],
  callbacks: {
    // The token carries only who, which session version and which server-side session; role and
    // area are re-read from the database on every request (lib/auth/viewer.ts).
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string, sv: token.sv as number, sid: token.sid as string };
    },
  },
});
