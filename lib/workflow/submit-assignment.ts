import "server-only";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { submitAssignmentSchema } from "@/lib/validation/workflow";
import { requireAssignmentPermission } from "./assignment-access";
import { assignmentSelect, assignmentSnapshot, toAssignmentDto } from "./assignment-dto";
import { assignmentTransition } from "./state-machine";
import { lockDocument, promoteWhenAllSubmitted } from "./transaction";
import { assertVersion, readAssignment, writeAssignment } from "./update-assignment";

/** An annotator hands in their own assignment; the last one in makes the document ready for review. */
export async function submitAssignment(user: AuthenticatedUser, assignmentId: string, input: unknown = {}) {
  const { access, assignment } = await requireAssignmentPermission(user, assignmentId, "annotations.write");
  if (assignment.userId !== user.id) throw new AppError("forbidden", "You can only submit your own assignment.");
  const { version } = parseOrThrow(submitAssignmentSchema, input ?? {});
  return prisma().$transaction(async (tx) => {
    const document = await lockDocument(tx, assignment.documentId);
    const current = await readAssignment(tx, assignmentId);
    assertVersion(current, version);
    if (current.role !== "ANNOTATOR") {
      throw new AppError("invalid_state", "Only annotator assignments are submitted; a review ends with sign-off.", {
        details: { current: current.state, entity: "assignment" },
      });
    }
    if (document.state === "SIGNED_OFF") {
      throw new AppError("invalid_state", "The document is signed off; nothing can be submitted until it is reopened.", {
        details: { current: document.state, entity: "document" },
      });
    }
    const next = assignmentTransition(current.state, "submit");
    await writeAssignment(tx, current, { state: next, submittedAt: new Date(), returnComment: null });
    const updated = await tx.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: assignmentSelect });
    await tx.auditEvent.create({
      data: {
        projectId: access.projectId,
        documentId: document.id,
        actorId: user.id,
        action: "assignment.submit",
        before: assignmentSnapshot(current),
        after: assignmentSnapshot(updated),
      },
    });
    const documentState = await promoteWhenAllSubmitted(tx, document, user.id);
    return { assignment: toAssignmentDto(updated), documentState };
  });
}
