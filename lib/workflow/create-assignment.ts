import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { createAssignmentSchema } from "@/lib/validation/workflow";
import { assignmentSelect, assignmentSnapshot, toAssignmentDto, type AssignmentDto } from "./assignment-dto";
import { requireMembersWithRole } from "./eligible-members";
import { applyDocumentEvent, lockDocument } from "./transaction";

/** Assigns one member to a document as annotator or reviewer (manager only). */
export async function createAssignment(user: AuthenticatedUser, documentId: string, input: unknown): Promise<AssignmentDto> {
  const access = await requireDocumentPermission(user, documentId, "assignments.manage");
  const data = parseOrThrow(createAssignmentSchema, input);
  const role = data.role === "annotator" ? "ANNOTATOR" : "REVIEWER";
  await requireMembersWithRole(access.projectId, [data.userId], role, "userId");
  return prisma().$transaction(async (tx) => {
    const document = await lockDocument(tx, documentId);
    const existing = await tx.assignment.findUnique({
      where: { documentId_userId_role: { documentId, userId: data.userId, role } },
      select: { id: true },
    });
    if (existing) {
      throw new AppError("duplicate", `This member is already assigned to the document as ${data.role}.`, { details: { existingId: existing.id } });
    }
    if (role === "ANNOTATOR") {
      // A new annotator reopens annotation; refused once review has started or the document is signed off.
      await applyDocumentEvent(tx, document, "annotatorAdded", user.id);
    } else if (document.state === "SIGNED_OFF") {
      throw new AppError("invalid_state", "Cannot add a reviewer to a document that is signed off.", { details: { current: document.state, entity: "document" } });
    }
    const created = await tx.assignment.create({ data: { documentId, userId: data.userId, role }, select: assignmentSelect });
    await tx.auditEvent.create({
      data: { projectId: access.projectId, documentId, actorId: user.id, action: "assignment.create", after: assignmentSnapshot(created) },
    });
    return toAssignmentDto(created);
  });
}
