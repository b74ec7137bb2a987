import "server-only";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { requireAssignmentPermission } from "./assignment-access";
import { assignmentSnapshot } from "./assignment-dto";
import { lockDocument, promoteWhenAllSubmitted } from "./transaction";

/**
 * Removes an assignment (manager). Submitted work is never thrown away: 409. Removing the last
 * unsubmitted annotator can make the document ready for review.
 */
export async function deleteAssignment(user: AuthenticatedUser, assignmentId: string): Promise<void> {
  const { access, assignment } = await requireAssignmentPermission(user, assignmentId, "assignments.manage");
  await prisma().$transaction(async (tx) => {
    const document = await lockDocument(tx, assignment.documentId);
    const current = await tx.assignment.findUnique({
      where: { id: assignmentId },
      select: { id: true, userId: true, role: true, state: true, version: true },
    });
    if (!current) throw new AppError("not_found", "Assignment not found.");
    if (current.state === "SUBMITTED") {
      throw new AppError("invalid_state", "This assignment holds submitted work; return it or reopen the document instead of removing it.", {
        details: { current: current.state, entity: "assignment" },
      });
    }
    if (document.state === "SIGNED_OFF") {
      throw new AppError("invalid_state", "The document is signed off; reopen it before changing its assignments.", {
        details: { current: document.state, entity: "document" },
      });
    }
    await tx.assignment.delete({ where: { id: assignmentId } });
    await tx.auditEvent.create({
      data: { projectId: access.projectId, documentId: document.id, actorId: user.id, action: "assignment.delete", before: assignmentSnapshot(current) },
    });
    await promoteWhenAllSubmitted(tx, document, user.id);
  });
}
