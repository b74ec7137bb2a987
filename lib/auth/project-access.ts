import "server-only";
import { cache } from "react";
import { projectSettingsOf } from "@/lib/projects/settings";
import { prisma } from "@/lib/db/prisma";
import { sql } from "@/lib/db/sql";
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
export const projectAccessRow = cache(async (userId: string, projectId: string): Promise<ProjectAccessRow | null> => {
  // Plain SQL: every project page and route makes this read (see lib/db/sql.ts).
  const [row] = await sql({ prepared: true }).query<ProjectAccessRow>(
    `SELECT p.id, p.name, p.settings,
       CASE WHEN m.roles IS NULL THEN '[]'::json ELSE json_build_array(json_build_object('roles', m.roles)) END AS memberships
     FROM projects p LEFT JOIN memberships m ON m.project_id = p.id AND m.user_id = $1
     WHERE p.id = $2`,
    [userId, projectId],
  );
  return row ?? null;
});

type ProjectAccessRow = { id: string; name: string; settings: unknown; memberships: { roles: ProjectRoleName[] }[] };

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
