import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { parseOrThrow } from "@/lib/validation/parse";
import { reopenDocumentSchema } from "@/lib/validation/workflow";
import { assignmentSnapshot } from "./assignment-dto";
import { assignmentTransition } from "./state-machine";
import { applyDocumentEvent, lockDocument } from "./transaction";

/** A manager reopens a signed-off document (reason required): annotating again, every assignment back in progress. */
export async function reopenDocument(user: AuthenticatedUser, documentId: string, input: unknown) {
  const access = await requireDocumentPermission(user, documentId, "documents.reopen");
  const { reason } = parseOrThrow(reopenDocumentSchema, input);
  return prisma().$transaction(async (tx) => {
    const document = await lockDocument(tx, documentId);
    const state = await applyDocumentEvent(tx, document, "reopen", user.id, {
      reason,
      data: { signedOffAt: null, signedOffById: null },
    });
    const assignments = await tx.assignment.findMany({
      where: { documentId },
      select: { id: true, userId: true, role: true, state: true, version: true },
    });
    for (const a of assignments) {
      const next = assignmentTransition(a.state, "reopen");
      if (next === a.state) continue;
      await tx.assignment.update({ where: { id: a.id }, data: { state: next, submittedAt: null, version: { increment: 1 } } });
      await tx.auditEvent.create({
        data: {
          projectId: access.projectId,
          documentId,
          actorId: user.id,
          action: "assignment.reopen",
          before: assignmentSnapshot(a),
          after: { ...assignmentSnapshot({ ...a, state: next, version: a.version + 1 }), reason },
        },
      });
    }
    return { documentId, state, reopenedAssignments: assignments.length };
  });
}
