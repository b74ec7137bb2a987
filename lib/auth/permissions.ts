// The role → permission table: the single source of truth for who may do what in a project.
// Pure, so it is unit-tested over the whole matrix (permissions.test.ts).
export const PROJECT_ROLES = ["MANAGER", "ANNOTATOR", "REVIEWER"] as const;
export type ProjectRoleName = (typeof PROJECT_ROLES)[number];

export const PERMISSIONS = {
  "project.view": ["MANAGER", "ANNOTATOR", "REVIEWER"],
  "project.edit": ["MANAGER"],
  "members.manage": ["MANAGER"],
  "schema.edit": ["MANAGER"],
  "documents.view": ["MANAGER", "ANNOTATOR", "REVIEWER"],
  "documents.import": ["MANAGER"],
  "documents.delete": ["MANAGER"],
  "documents.editSegments": ["MANAGER"],
  "assignments.manage": ["MANAGER"],
  "annotations.write": ["ANNOTATOR"],
  "review.view": ["MANAGER", "REVIEWER"],
  "review.act": ["REVIEWER"],
  "review.signOff": ["REVIEWER"],
  "documents.reopen": ["MANAGER"],
  "comments.write": ["MANAGER", "ANNOTATOR", "REVIEWER"],
  "comments.resolve": ["MANAGER", "REVIEWER"],
  "work.view": ["ANNOTATOR", "REVIEWER"],
  "entities.create": ["MANAGER", "ANNOTATOR", "REVIEWER"],
  "entities.manage": ["MANAGER"],
  "agreement.view": ["MANAGER", "REVIEWER"],
  "agreement.compute": ["MANAGER", "REVIEWER"],
  "suggestions.manage": ["MANAGER"],
  "datasets.create": ["MANAGER"],
  "datasets.view": ["MANAGER"],
} as const satisfies Record<string, readonly ProjectRoleName[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Permissions a project setting can extend to every member (e.g. downloading datasets). */
export const MEMBER_GRANTABLE: readonly Permission[] = ["datasets.view"];

export function can(
  roles: readonly ProjectRoleName[],
  permission: Permission,
  options: { isAdmin?: boolean; memberGrants?: readonly Permission[] } = {},
): boolean {
  // Site admins manage every project as if they were its manager (see README "Roles").
  const effective: readonly ProjectRoleName[] = options.isAdmin ? [...roles, "MANAGER"] : roles;
  const allowed: readonly ProjectRoleName[] = PERMISSIONS[permission];
  if (effective.some((role) => allowed.includes(role))) return true;
  return effective.length > 0 && (options.memberGrants ?? []).includes(permission) && MEMBER_GRANTABLE.includes(permission);
}

export function permissionsOf(roles: readonly ProjectRoleName[], options: { isAdmin?: boolean } = {}): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(roles, p, options));
}
