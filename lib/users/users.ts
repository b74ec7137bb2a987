import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { z } from "zod";
import { changePasswordSchema } from "@/lib/validation/auth";
import { createUserSchema, resetPasswordSchema } from "@/lib/validation/users";
import { parseOrThrow } from "@/lib/validation/parse";
import { endUserSessions, recordUserEvent } from "./user-audit";

const publicUser = { id: true, email: true, name: true, isAdmin: true, active: true, createdAt: true } as const;

function assertAdmin(actor: AuthenticatedUser) {
  if (!actor.isAdmin) throw new AppError("forbidden", "Only site administrators can manage users.");
}

export async function createUser(actor: AuthenticatedUser, input: unknown) {
  assertAdmin(actor);
  const data = parseOrThrow(createUserSchema, input);
  const existing = await prisma().user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) {
    throw new AppError("conflict", "A user with this email already exists.", { details: { fields: { email: ["A user with this email already exists"] } } });
  }
  const passwordHash = await hashPassword(data.password);
  return prisma().$transaction(async (tx) => {
    const created = await tx.user.create({ data: { email: data.email, name: data.name, isAdmin: data.isAdmin, passwordHash }, select: publicUser });
    await recordUserEvent(tx, { actorId: actor.id, targetUserId: created.id, action: "user.create", after: { email: created.email, name: created.name, isAdmin: created.isAdmin } });
    return created;
  });
}

export async function listUsers(actor: AuthenticatedUser) {
  assertAdmin(actor);
  const users = await prisma().user.findMany({
    orderBy: { email: "asc" },
    select: { ...publicUser, memberships: { select: { roles: true, project: { select: { id: true, name: true } } }, orderBy: { project: { name: "asc" } } } },
  });
  return users.map(({ memberships, ...user }) => ({
    ...user,
    projects: memberships.map((m) => ({ id: m.project.id, name: m.project.name, roles: m.roles as string[] })),
  }));
}

/** Deactivating ends the user's sessions and revokes their API tokens, so reactivating revives neither. */
export async function setUserActive(actor: AuthenticatedUser, userId: string, active: boolean) {
  assertAdmin(actor);
  if (userId === actor.id && !active) throw new AppError("conflict", "You cannot deactivate your own account.");
  return prisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, active: true } });
    if (!user) throw new AppError("not_found", "User not found.");
    const ended = active ? null : await endUserSessions(tx, userId, { revokeTokens: true });
    const updated = await tx.user.update({ where: { id: userId }, data: { active }, select: publicUser });
    await recordUserEvent(tx, {
      actorId: actor.id,
      targetUserId: userId,
      action: active ? "user.activate" : "user.deactivate",
      before: { active: user.active },
      after: { active, ...(ended ? { revokedTokens: ended.revokedTokens } : {}) },
    });
    return updated;
  });
}

/** A reset ends the user's sessions and revokes their API tokens: whoever held them no longer knows the password. */
export async function resetUserPassword(actor: AuthenticatedUser, userId: string, input: unknown) {
  assertAdmin(actor);
  const { password } = parseOrThrow(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  await prisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new AppError("not_found", "User not found.");
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    const { revokedTokens } = await endUserSessions(tx, userId, { revokeTokens: true });
    await recordUserEvent(tx, { actorId: actor.id, targetUserId: userId, action: "user.password_reset", after: { revokedTokens } });
  });
}

/**
 * Ends the user's other sessions (API tokens stay: the Account page lists and revokes them).
 * Returns the new session version, which the caller signs into the current session's cookie.
 */
export async function changeOwnPassword(actor: AuthenticatedUser, input: z.input<typeof changePasswordSchema>): Promise<{ sessionVersion: number }> {
  const data = parseOrThrow(changePasswordSchema, input);
  const user = await prisma().user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
    throw new AppError("validation_failed", "Your current password is not correct.", {
      details: { fields: { currentPassword: ["Your current password is not correct"] } },
    });
  }
  const passwordHash = await hashPassword(data.newPassword);
  return prisma().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    const { sessionVersion } = await endUserSessions(tx, actor.id, { revokeTokens: false });
    await recordUserEvent(tx, { actorId: actor.id, targetUserId: actor.id, action: "user.password_change" });
    return { sessionVersion };
  });
}
