import "server-only";
import { sql } from "@/lib/db/sql";
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
  // Plain SQL: every request makes this read, and the query builder cost more than PostgreSQL did.
  const [user] = await sql({ prepared: true }).query<{ id: string; email: string; name: string; isAdmin: boolean; active: boolean; sessionVersion: number }>(
    `SELECT id, email, name, is_admin AS "isAdmin", active, session_version AS "sessionVersion" FROM users WHERE id = $1`,
    [claims.id],
  );
  if (!user?.active || user.sessionVersion !== (claims.sv ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
}
