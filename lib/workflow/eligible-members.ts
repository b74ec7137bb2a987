import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

type Role = "ANNOTATOR" | "REVIEWER";

const invalid = (field: string, message: string) =>
  new AppError("validation_failed", message, { details: { fields: { [field]: [message] } } });

/** Project members holding `role`, in membership order (the deterministic round-robin order). */
export async function membersWithRole(projectId: string, role: Role) {
  const rows = await prisma().membership.findMany({
    where: { projectId, roles: { has: role }, user: { active: true } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((r) => r.user);
}

/**
 * Each id must be an active project member holding `role`; otherwise 400 naming the first
 * offender and what is wrong with it (unknown, not a member, or lacking the role).
 */
export async function requireMembersWithRole(projectId: string, userIds: readonly string[], role: Role, field: string) {
  const ids = [...new Set(userIds)];
  const users = await prisma().user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, email: true, active: true, memberships: { where: { projectId }, select: { roles: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  const noun = role.toLowerCase();
  for (const id of ids) {
    const user = byId.get(id);
    if (!user) throw invalid(field, `No user has the id ${id}.`);
    const roles = user.memberships[0]?.roles;
    if (!roles) throw invalid(field, `${user.name} (${user.email}) is not a member of this project.`);
    if (!user.active) throw invalid(field, `${user.name} (${user.email}) is deactivated.`);
    if (!roles.includes(role)) {
      throw invalid(field, `${user.name} (${user.email}) does not hold the ${noun} role in this project (roles: ${roles.map((r) => r.toLowerCase()).join(", ")}).`);
    }
  }
  return ids.map((id) => {
    const { id: userId, name, email } = byId.get(id)!;
    return { id: userId, name, email };
  });
}
