import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { verifyCredentials } from "./verify-credentials";

export const authOptions: NextAuthOptions = {
  // Credentials sign-in requires JWT sessions; requireUser() re-checks the user row (active, and
  // the session version signed into the JWT) on every request, so deactivating a user or changing
  // a password ends their sessions at once.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  secret: env().AUTH_SECRET,
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        try {
          return await verifyCredentials(credentials);
        } catch (error) {
          // The message reaches the sign-in form (next-auth passes thrown messages through).
          if (isAppError(error) && error.code === "rate_limited") throw new Error(error.message);
          return null;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      if (session.user) session.user.sv = typeof token.sv === "number" ? token.sv : 0;
      return session;
    },
  },
};
