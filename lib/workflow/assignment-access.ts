import "server-only";
import type { Permission } from "@/lib/auth/permissions";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

/** The assignment's project, then the usual checks; unknown assignment or non-member → 404. */
export async function requireAssignmentPermission(user: AuthenticatedUser, assignmentId: string, permission: Permission) {
  const assignment = await prisma().assignment.findUnique({
    where: { id: assignmentId },
    select: { id: true, documentId: true, userId: true, role: true, document: { select: { projectId: true } } },
  });
  if (!assignment) throw new AppError("not_found", "Assignment not found.");
  try {
    const access = await requireProjectPermission(user, assignment.document.projectId, permission);
    return { access, assignment };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", "Assignment not found.");
    throw error;
  }
}
