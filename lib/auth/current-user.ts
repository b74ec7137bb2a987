import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { appUrl, env, trustedOrigins } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { checkSameOrigin, csrfMessage, SAFE_METHODS } from "@/lib/security/same-origin";
import { authenticateApiToken } from "./api-tokens";
import { userForSession } from "./session-user";
import { sessionClaimsOf, sessionTokenOf } from "./session-token";
import type { AuthenticatedUser } from "./verify-credentials";

/** The signed-in user from the session cookie, re-read from the database (inactive or ended → null). */
export const getSessionUser = cache(async (): Promise<AuthenticatedUser | null> => {
  const token = sessionTokenOf(await cookies(), appUrl().protocol === "https:");
  const claims = await sessionClaimsOf(token, env().AUTH_SECRET);
  return claims ? userForSession(claims) : null;
});

/** For pages: the user, or a redirect to /login. */
export async function requireUser(): Promise<AuthenticatedUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages that only site admins may see. */
export async function requireAdmin(): Promise<AuthenticatedUser> {
  const user = await requireUser();
  if (!user.isAdmin) throw new AppError("forbidden", "Only site administrators can manage users.");
  return user;
}

/**
 * For API routes: a Bearer token, else the session cookie, else 401. A write on the cookie must come
 * from the app's own origin (403 csrf): a browser attaches the cookie to a form posted from any
 * site, but never attaches a Bearer token.
 */
export async function requireApiUser(request: Request): Promise<AuthenticatedUser> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const user = match ? await authenticateApiToken(match[1]!) : null;
    if (!user) throw new AppError("unauthenticated", "The API token is missing, invalid or revoked.");
    return user;
  }
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthenticated", "Sign in or send an API token (Authorization: Bearer …).");
  if (!SAFE_METHODS.has(request.method.toUpperCase())) {
    const verdict = checkSameOrigin(request.headers, trustedOrigins());
    if (!verdict.ok) throw new AppError("csrf", csrfMessage(verdict.reason));
  }
  return user;
}
