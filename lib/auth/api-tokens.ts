import "server-only";
import crypto from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import { sql } from "@/lib/db/sql";
import { notFound } from "@/lib/errors";
import type { AuthenticatedUser } from "./verify-credentials";

// Tokens are random 32-byte secrets shown once; only their SHA-256 is stored.
const PREFIX = "sbt_";

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(userId: string, name: string) {
  const token = PREFIX + crypto.randomBytes(32).toString("base64url");
  const row = await prisma().apiToken.create({
    data: { userId, name, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6) },
    select: { id: true, name: true },
  });
  return { ...row, token };
}

export function listApiTokens(userId: string) {
  return prisma().apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}

export async function revokeApiToken(userId: string, tokenId: string): Promise<void> {
  const { count } = await prisma().apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Token not found");
}

type TokenRow = { id: string; email: string; name: string; is_admin: boolean; active: boolean };

/**
 * The user behind a Bearer token, in one round trip: hash once (SHA-256 of a random secret needs no
 * slow hash), look up by the unique hash, and touch last_used_at at most once a minute in the same
 * statement — a script hammering the API does not write on every call.
 */
export async function authenticateApiToken(token: string): Promise<AuthenticatedUser | null> {
  if (!token.startsWith(PREFIX)) return null;
  const tokenHash = hashToken(token);
  const [row] = await sql().query<TokenRow>(
    `WITH touched AS (
      UPDATE api_tokens SET last_used_at = now() AT TIME ZONE 'UTC'
      WHERE token_hash = $1 AND revoked_at IS NULL
        AND (last_used_at IS NULL OR last_used_at < (now() AT TIME ZONE 'UTC') - interval '60 seconds'))
    SELECT u.id, u.email, u.name, u.is_admin, u.active
    FROM api_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
    [tokenHash],
  );
  if (!row || !row.active) return null;
  return { id: row.id, email: row.email, name: row.name, isAdmin: row.is_admin };
}
