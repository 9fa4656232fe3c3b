import "server-only";
import { logUnexpected } from "@/lib/log";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { findLoginUser, isLoginBlocked, recordLoginAttempt } from "@/lib/data/login";
import { loginSchema } from "@/lib/validation/users";
import { clientIpFrom } from "./client-ip";
import { dummyHash, verifyPassword } from "./password";

export class LoginBlockedError extends CredentialsSignin {
  code = "blocked";
}

export const SESSION_HOURS = 8;

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // A failed login is expected traffic, not a server error: keep it (and its email) out of the logs.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      logUnexpected("auth", error);
    },
  },
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientIpFrom(request.headers, env().TRUSTED_PROXY === "1");
        if (await isLoginBlocked(email, ip)) throw new LoginBlockedError();
        const user = await findLoginUser(email);
        // Verify against a dummy hash for unknown emails so timing does not tell them apart.
        const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
        const success = Boolean(user && user.active && ok);
        await recordLoginAttempt(email, ip, success, user?.id);
        if (!success || !user) return null;
        return { id: user.id, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // The token carries only who and which session version; role and area are re-read from
    // the database on every request (lib/auth/viewer.ts).
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string, sv: token.sv as number };
    },
  },
});
