import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { z } from "zod";
import { changePasswordSchema } from "@/lib/validation/auth";
import { createUserSchema, resetPasswordSchema } from "@/lib/validation/users";
import { parseOrThrow } from "@/lib/validation/parse";

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
  return prisma().user.create({
    data: { email: data.email, name: data.name, isAdmin: data.isAdmin, passwordHash: await hashPassword(data.password) },
    select: publicUser,
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

export async function setUserActive(actor: AuthenticatedUser, userId: string, active: boolean) {
  assertAdmin(actor);
  if (userId === actor.id && !active) throw new AppError("conflict", "You cannot deactivate your own account.");
  const user = await prisma().user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new AppError("not_found", "User not found.");
  return prisma().user.update({ where: { id: userId }, data: { active }, select: publicUser });
}

export async function resetUserPassword(actor: AuthenticatedUser, userId: string, input: unknown) {
  assertAdmin(actor);
  const { password } = parseOrThrow(resetPasswordSchema, input);
  const user = await prisma().user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new AppError("not_found", "User not found.");
  await prisma().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
}

export async function changeOwnPassword(actor: AuthenticatedUser, input: z.input<typeof changePasswordSchema>) {
  const data = parseOrThrow(changePasswordSchema, input);
  const user = await prisma().user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
    throw new AppError("validation_failed", "Your current password is not correct.", {
      details: { fields: { currentPassword: ["Your current password is not correct"] } },
    });
  }
  await prisma().user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(data.newPassword) } });
}
