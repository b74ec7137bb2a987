import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { LabelSchema } from "@/lib/schema/label-schema";
import { startAssignment } from "@/lib/workflow/start-assignment";

export type WriteContext = {
  projectId: string;
  documentId: string;
  assignmentId: string;
  schema: LabelSchema;
  text: string;
  textLength: number;
};

/**
 * The rule for writing an annotator layer: the caller holds the annotator role, an annotator
 * assignment on this document that is not submitted, and the document is not signed off.
 * Runs inside the write transaction and locks the assignment row, so a concurrent submit
 * cannot slip between the check and the write. The first write starts the assignment.
 */
export async function requireAnnotatorWrite(tx: Prisma.TransactionClient, user: AuthenticatedUser, documentId: string): Promise<WriteContext> {
  const access = await requireDocumentPermission(user, documentId, "annotations.write");
  const locked = await tx.$queryRaw<{ id: string; state: string }[]>`
    SELECT id, state::text AS state FROM assignments
    WHERE document_id = ${documentId} AND user_id = ${user.id} AND role = 'ANNOTATOR' FOR UPDATE`;
  const document = await tx.document.findUniqueOrThrow({
    where: { id: documentId },
    select: { state: true, text: true, charCount: true, project: { select: { labelSchema: true } } },
  });
  if (document.state === "SIGNED_OFF") {
    throw new AppError("invalid_state", "This document is signed off; its annotations are read-only until a manager reopens it.", { details: { state: document.state } });
  }
  const assignment = locked[0];
  if (!assignment) throw new AppError("forbidden", "This document is not assigned to you for annotation.");
  if (assignment.state === "SUBMITTED") {
    throw new AppError("invalid_state", "You submitted this document; your layer is read-only until a reviewer returns it.", { details: { state: assignment.state } });
  }
  if (assignment.state === "ASSIGNED") {
    // Audited as assignment.start, like every other workflow transition.
    await startAssignment(tx, { assignmentId: assignment.id, projectId: access.projectId, documentId, actorId: user.id });
  }
  return {
    projectId: access.projectId,
    documentId,
    assignmentId: assignment.id,
    schema: document.project.labelSchema as LabelSchema,
    text: document.text,
    textLength: document.charCount,
  };
}
