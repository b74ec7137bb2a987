import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { AuthenticatedUser } from "./verify-credentials";

/** What a session cookie asserts: the user id and the session version it was signed at. */
export type SessionClaims = { id?: string; sv?: number };

/**
 * The user a session names while the session is still valid: the user is active and the session was
 * signed at their current session version (a password change, reset or deactivation bumps it). One
 * primary-key lookup, the one every request already made for `active`.
 */
export async function userForSession(claims: SessionClaims): Promise<AuthenticatedUser | null> {
  if (!claims.id) return null;
  const user = await prisma().user.findUnique({
    where: { id: claims.id },
    select: { id: true, email: true, name: true, isAdmin: true, active: true, sessionVersion: true },
  });
  if (!user?.active || user.sessionVersion !== (claims.sv ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
}
