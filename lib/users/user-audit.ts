import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { AppError } from "@/lib/errors";

export type UserAuditAction = "user.create" | "user.deactivate" | "user.activate" | "user.password_reset" | "user.password_change";

/** Records one site-administration event, in the caller's transaction. */
export function recordUserEvent(
  tx: Prisma.TransactionClient,
  event: { actorId: string; targetUserId: string; action: UserAuditAction; before?: Prisma.InputJsonValue; after?: Prisma.InputJsonValue },
) {
  return tx.userAuditEvent.create({ data: event });
}

/**
 * Ends every session and, with `revokeTokens`, every API token of a user: sessions carry the
 * version they were signed at, so one increment ends them all. Returns the new version and how many
 * tokens were revoked.
 */
export async function endUserSessions(tx: Prisma.TransactionClient, userId: string, options: { revokeTokens: boolean }) {
  const { sessionVersion } = await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  const revoked = options.revokeTokens
    ? (await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } })).count
    : 0;
  return { sessionVersion, revokedTokens: revoked };
}

/** The latest site-administration events, newest first (admins only). */
export async function listUserEvents(actor: AuthenticatedUser, limit = 50) {
  if (!actor.isAdmin) throw new AppError("forbidden", "Only site administrators can see the administration log.");
  const events = await prisma().userAuditEvent.findMany({ orderBy: { id: "desc" }, take: limit });
  const ids = [...new Set(events.flatMap((e) => [e.actorId, e.targetUserId]).filter((id): id is string => Boolean(id)))];
  const users = await prisma().user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  return events.map((e) => ({
    id: e.id.toString(),
    action: e.action,
    actor: e.actorId ? (emailOf.get(e.actorId) ?? e.actorId) : null,
    target: emailOf.get(e.targetUserId) ?? e.targetUserId,
    before: e.before,
    after: e.after,
    createdAt: e.createdAt.toISOString(),
  }));
}
