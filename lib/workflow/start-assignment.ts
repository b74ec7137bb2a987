import "server-only";
import { assignmentSnapshot } from "./assignment-dto";
import type { Tx } from "./transaction";

/**
 * ASSIGNED → IN_PROGRESS on the first write to an assignment (for the annotation services, inside
 * their transaction). A no-op in any other state; returns whether it moved.
 */
export async function startAssignment(tx: Tx, input: { assignmentId: string; projectId: string; documentId: string; actorId: string }): Promise<boolean> {
  const { count } = await tx.assignment.updateMany({
    where: { id: input.assignmentId, state: "ASSIGNED" },
    data: { state: "IN_PROGRESS", version: { increment: 1 } },
  });
  if (count === 0) return false;
  const row = await tx.assignment.findUniqueOrThrow({ where: { id: input.assignmentId }, select: { id: true, userId: true, role: true, state: true, version: true } });
  await tx.auditEvent.create({
    data: {
      projectId: input.projectId,
      documentId: input.documentId,
      actorId: input.actorId,
      action: "assignment.start",
      before: assignmentSnapshot({ ...row, state: "ASSIGNED", version: row.version - 1 }),
      after: assignmentSnapshot(row),
    },
  });
  return true;
}
