import "server-only";
import crypto from "node:crypto";
import { prisma } from "@/lib/db/prisma";
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

export async function authenticateApiToken(token: string): Promise<AuthenticatedUser | null> {
  if (!token.startsWith(PREFIX)) return null;
  const row = await prisma().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, isAdmin: true, active: true } } },
  });
  if (!row || row.revokedAt || !row.user.active) return null;
  // Touch at most once a minute: a script hammering the API should not write on every call.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await prisma().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  const { active: _active, ...user } = row.user;
  return user;
}
