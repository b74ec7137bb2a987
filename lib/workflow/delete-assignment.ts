import "server-only";
import { prismaSql } from "@/lib/db/sql";
import { deleteRelationsOf } from "@/lib/relations/relation-rows";
import { ANNOTATION_SELECT, auditJson, toAnnotationDto } from "@/lib/annotations/annotation-dto";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { inSlices } from "@/lib/db/in-slices";
import { AppError } from "@/lib/errors";
import { requireAssignmentPermission } from "./assignment-access";
import { assignmentSnapshot } from "./assignment-dto";
import { lockDocument, promoteWhenAllSubmitted, type LockedDocument, type Tx } from "./transaction";

/**
 * Removes an assignment (manager). Submitted work is never thrown away: 409. An annotator's
 * unsubmitted annotations on the document go with the assignment (each delete audited), so no
 * layer without an assignment reaches review. Removing the last unsubmitted annotator can make the
 * document ready for review. Returns how many annotations were removed.
 */
export async function deleteAssignment(user: AuthenticatedUser, assignmentId: string): Promise<{ removedAnnotations: number }> {
  const { access, assignment } = await requireAssignmentPermission(user, assignmentId, "assignments.manage");
  return prisma().$transaction(async (tx) => {
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
    const removedAnnotations = current.role === "ANNOTATOR" ? await deleteLayerOf(tx, document, current.userId, user.id) : 0;
    await tx.assignment.delete({ where: { id: assignmentId } });
    await tx.auditEvent.create({
      data: { projectId: access.projectId, documentId: document.id, actorId: user.id, action: "assignment.delete", before: assignmentSnapshot(current) },
    });
    await promoteWhenAllSubmitted(tx, document, user.id);
    return { removedAnnotations };
  });
}

async function deleteLayerOf(tx: Tx, document: LockedDocument, authorId: string, actorId: string): Promise<number> {
  const rows = await tx.annotation.findMany({ where: { documentId: document.id, layer: "ANNOTATOR", authorId }, select: ANNOTATION_SELECT });
  if (rows.length === 0) return 0;
  const { text } = await tx.document.findUniqueOrThrow({ where: { id: document.id }, select: { text: true } });
  await deleteRelationsOf(prismaSql(tx), { projectId: document.projectId, actorId }, rows.map((r) => r.id));
  await tx.annotation.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  const events = rows.map((row) => ({
    projectId: document.projectId,
    documentId: document.id,
    annotationId: row.id,
    actorId,
    action: "annotation.delete",
    before: auditJson(toAnnotationDto(row, text)),
    after: { reason: "assignment removed" },
  }));
  await inSlices(events, (slice) => tx.auditEvent.createMany({ data: slice }));
  return rows.length;
}
