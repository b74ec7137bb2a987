import "server-only";
import { cache } from "react";
import { projectSettingsOf } from "@/lib/projects/settings";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { can, permissionsOf, type Permission, type ProjectRoleName } from "./permissions";
import type { AuthenticatedUser } from "./verify-credentials";

export type ProjectAccess = {
  projectId: string;
  roles: ProjectRoleName[];
  permissions: Permission[];
  isAdmin: boolean;
};


/**
 * The project row a permission check reads, with the caller's membership. Memoised for one request
 * (React `cache`: a layout and its page share one query); the checks themselves run on every call.
 */
export const projectAccessRow = cache((userId: string, projectId: string) =>
  prisma().project.findUnique({
    where: { id: projectId },
    select: { id: true, name: true, settings: true, memberships: { where: { userId }, select: { roles: true } } },
  }),
);

/**
 * Resolves the caller's access to a project. Not a member (and not admin) → 404 with no data, so
 * a project's existence is not revealed; a member lacking `permission` → 403.
 */
export async function requireProjectPermission(
  user: AuthenticatedUser,
  projectId: string,
  permission: Permission,
): Promise<ProjectAccess> {
  const project = await projectAccessRow(user.id, projectId);
  const roles = (project?.memberships[0]?.roles ?? []) as ProjectRoleName[];
  if (!project || (roles.length === 0 && !user.isAdmin)) throw new AppError("not_found", "Project not found.");
  const grants = projectSettingsOf(project.settings);
  const options = { isAdmin: user.isAdmin, memberGrants: grants.membersMayDownload ? (["datasets.view"] as Permission[]) : [] };
  if (!can(roles, permission, options)) {
    throw new AppError("forbidden", `Your role in this project (${roles.join(", ") || "none"}) does not allow this.`);
  }
  return {
    projectId: project.id,
    roles,
    isAdmin: user.isAdmin,
    permissions: permissionsOf(roles, { isAdmin: user.isAdmin }).concat(
      options.memberGrants.filter((p) => !permissionsOf(roles, { isAdmin: user.isAdmin }).includes(p)),
    ),
  };
}

/** The project a document belongs to, then the same checks; unknown document → 404. */
export async function requireDocumentPermission(user: AuthenticatedUser, documentId: string, permission: Permission) {
  const document = await prisma().document.findUnique({ where: { id: documentId }, select: { projectId: true } });
  if (!document) throw new AppError("not_found", "Document not found.");
  try {
    return await requireProjectPermission(user, document.projectId, permission);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", "Document not found.");
    throw error;
  }
}
