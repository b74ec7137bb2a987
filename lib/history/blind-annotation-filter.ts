import type { Permission } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Annotators work blind: besides their own work they may see gold and workflow events, never
 * another annotator's annotation events. Managers and reviewers see everything.
 */
export function seesAllAnnotations(permissions: readonly Permission[]): boolean {
  return permissions.includes("review.act") || permissions.includes("assignments.manage");
}

export function blindAuditFilter(userId: string): Prisma.AuditEventWhereInput {
  return {
    OR: [
      { NOT: { action: { startsWith: "annotation." } } },
      { actorId: userId },
      { after: { path: ["layer"], equals: "gold" } },
      { before: { path: ["layer"], equals: "gold" } },
    ],
  };
}
