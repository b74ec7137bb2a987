import "server-only";
import { labelSchemaOf } from "@/lib/schema/label-schema-of";
import type { ProjectRoleName } from "@/lib/auth/permissions";
import { projectAccessRow, requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { activeStanceTargets, defaultLabelSchema, withStanceTargets } from "@/lib/schema/label-schema";
import { parseOrThrow } from "@/lib/validation/parse";
import { addMemberSchema, createProjectSchema, updateProjectSchema } from "@/lib/validation/projects";
import { projectSettingsOf } from "./settings";

export async function createProject(actor: AuthenticatedUser, input: unknown) {
  if (!actor.isAdmin) throw new AppError("forbidden", "Only site administrators can create projects.");
  const data = parseOrThrow(createProjectSchema, input);
  return prisma().project.create({
    data: {
      name: data.name,
      description: data.description,
      labelSchema: defaultLabelSchema(data.stanceTargets),
      settings: projectSettingsOf({}),
      memberships: { create: { userId: actor.id, roles: ["MANAGER"] } },
    },
    select: { id: true, name: true },
  });
}

/** Projects the user is a member of (admins see every project). */
export async function listProjectsForUser(user: AuthenticatedUser) {
  const projects = await prisma().project.findMany({
    where: user.isAdmin ? {} : { memberships: { some: { userId: user.id } } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      labelSchema: true,
      memberships: { where: { userId: user.id }, select: { roles: true } },
      _count: { select: { documents: true, memberships: true } },
    },
  });
  return projects.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    roles: (p.memberships[0]?.roles ?? []) as ProjectRoleName[],
    documentCount: p._count.documents,
    memberCount: p._count.memberships,
    stanceTargets: activeStanceTargets(labelSchemaOf(p.labelSchema)),
  }));
}

/**
 * What every project page's header shows (name, the caller's roles and tabs): only the row the
 * permission check reads already, so the layout adds no query of its own.
 */
export async function getProjectHeader(user: AuthenticatedUser, projectId: string) {
  const access = await requireProjectPermission(user, projectId, "project.view");
  const row = await projectAccessRow(user.id, projectId);
  if (!row) throw new AppError("not_found", "Project not found.");
  return { id: access.projectId, name: row.name, roles: access.roles, permissions: access.permissions };
}

export async function getProject(user: AuthenticatedUser, projectId: string) {
  const access = await requireProjectPermission(user, projectId, "project.view");
  const project = await prisma().project.findUniqueOrThrow({
    where: { id: projectId },
    select: { id: true, name: true, description: true, labelSchema: true, settings: true, schemaVersion: true, _count: { select: { documents: true } } },
  });
  const labelSchema = labelSchemaOf(project.labelSchema);
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    roles: access.roles,
    permissions: access.permissions,
    documentCount: project._count.documents,
    stanceTargets: activeStanceTargets(labelSchema),
    labelSchema,
    schemaVersion: project.schemaVersion,
    settings: projectSettingsOf(project.settings),
  };
}

export async function updateProject(user: AuthenticatedUser, projectId: string, input: unknown) {
  await requireProjectPermission(user, projectId, "project.edit");
  const data = parseOrThrow(updateProjectSchema, input);
  return prisma().$transaction(async (tx) => {
    const current = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { labelSchema: true, settings: true } });
    const labelSchema = withStanceTargets(labelSchemaOf(current.labelSchema), data.stanceTargets);
    const previous = projectSettingsOf(current.settings);
    const settings = projectSettingsOf({
      ...previous,
      suggesters: data.suggesters ?? previous.suggesters,
      suggestionThreshold: data.suggestionThreshold ?? previous.suggestionThreshold,
      preAcceptAgreed: data.preAcceptAgreed,
      membersMayDownload: data.membersMayDownload,
      license: data.license,
      sourceDescription: data.sourceDescription,
    });
    await tx.project.update({
      where: { id: projectId },
      data: { name: data.name, description: data.description, labelSchema, settings, schemaVersion: { increment: 1 } },
    });
    await tx.auditEvent.create({
      data: { projectId, actorId: user.id, action: "project.update", before: current.settings ?? {}, after: settings },
    });
    return { id: projectId };
  });
}

export async function listMembers(user: AuthenticatedUser, projectId: string) {
  await requireProjectPermission(user, projectId, "project.view");
  const rows = await prisma().membership.findMany({
    where: { projectId },
    orderBy: { createdAt: "asc" },
    select: { roles: true, user: { select: { id: true, email: true, name: true, active: true } } },
  });
  return rows.map((r) => ({ ...r.user, roles: r.roles as ProjectRoleName[] }));
}

/** Adds a member, or replaces the roles of an existing one. */
export async function addMember(user: AuthenticatedUser, projectId: string, input: unknown) {
  await requireProjectPermission(user, projectId, "members.manage");
  const data = parseOrThrow(addMemberSchema, input);
  const member = await prisma().user.findUnique({ where: { email: data.email }, select: { id: true, email: true, name: true, active: true } });
  if (!member) {
    throw new AppError("validation_failed", "No user has this email; ask a site administrator to create the account first.", {
      details: { fields: { email: ["No user has this email"] } },
    });
  }
  const roles = [...new Set(data.roles)];
  // Role changes are recorded in the project's audit trail with the roles before and after.
  await prisma().$transaction(async (tx) => {
    const previous = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId: member.id } }, select: { roles: true } });
    await tx.membership.upsert({
      where: { projectId_userId: { projectId, userId: member.id } },
      create: { projectId, userId: member.id, roles },
      update: { roles },
    });
    await tx.auditEvent.create({
      data: {
        projectId,
        actorId: user.id,
        action: previous ? "member.roles" : "member.add",
        before: previous ? { userId: member.id, roles: previous.roles } : undefined,
        after: { userId: member.id, email: member.email, roles },
      },
    });
  });
  return { ...member, roles };
}

export async function removeMember(user: AuthenticatedUser, projectId: string, memberId: string) {
  await requireProjectPermission(user, projectId, "members.manage");
  if (memberId === user.id) throw new AppError("conflict", "You cannot remove yourself from the project.");
  await prisma().$transaction(async (tx) => {
    const removed = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId: memberId } }, select: { roles: true } });
    const { count } = await tx.membership.deleteMany({ where: { projectId, userId: memberId } });
    if (count === 0 || !removed) throw new AppError("not_found", "Member not found.");
    await tx.auditEvent.create({ data: { projectId, actorId: user.id, action: "member.remove", before: { userId: memberId, roles: removed.roles } } });
  });
}
