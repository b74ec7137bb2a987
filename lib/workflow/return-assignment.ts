import "server-only";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { returnAssignmentSchema } from "@/lib/validation/workflow";
import { requireAssignmentPermission } from "./assignment-access";
import { assignmentSelect, assignmentSnapshot, toAssignmentDto } from "./assignment-dto";
import { assignmentTransition, documentTransition } from "./state-machine";
import { applyDocumentEvent, lockDocument } from "./transaction";
import { assertVersion, readAssignment, writeAssignment } from "./update-assignment";

/**
 * A reviewer sends submitted work back with a comment: the assignment is in progress again, the
 * document annotating again, and the comment is posted on the document (mentioning the annotator)
 * so it stays in the thread after the work is resubmitted.
 */
export async function returnAssignment(user: AuthenticatedUser, assignmentId: string, input: unknown) {
  const { access, assignment } = await requireAssignmentPermission(user, assignmentId, "review.act");
  const { comment, version } = parseOrThrow(returnAssignmentSchema, input);
  return prisma().$transaction(async (tx) => {
    const document = await lockDocument(tx, assignment.documentId);
    const current = await readAssignment(tx, assignmentId);
    assertVersion(current, version);
    if (current.role !== "ANNOTATOR") {
      throw new AppError("invalid_state", "Only annotator assignments can be returned.", { details: { current: current.state, entity: "assignment" } });
    }
    const next = assignmentTransition(current.state, "return");
    documentTransition(document.state, "return");
    await writeAssignment(tx, current, { state: next, returnComment: comment, submittedAt: null });
    const updated = await tx.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: assignmentSelect });
    const posted = await tx.comment.create({
      data: { documentId: document.id, authorId: user.id, body: comment, mentions: [current.userId] },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: {
        projectId: access.projectId,
        documentId: document.id,
        actorId: user.id,
        action: "assignment.return",
        before: assignmentSnapshot(current),
        after: { ...assignmentSnapshot(updated), commentId: posted.id },
      },
    });
    // Recorded after the return, so the timeline reads "returned", then "moved the document".
    const documentState = await applyDocumentEvent(tx, document, "return", user.id);
    return { assignment: toAssignmentDto(updated), documentState };
  });
}
