import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssignmentStateName } from "./state-machine";
import type { Tx } from "./transaction";

export type CurrentAssignment = {
  id: string;
  documentId: string;
  userId: string;
  role: "ANNOTATOR" | "REVIEWER";
  state: AssignmentStateName;
  version: number;
  returnComment: string | null;
};

export async function readAssignment(tx: Tx, assignmentId: string): Promise<CurrentAssignment> {
  const row = await tx.assignment.findUnique({
    where: { id: assignmentId },
    select: { id: true, documentId: true, userId: true, role: true, state: true, version: true, returnComment: true },
  });
  if (!row) throw new AppError("not_found", "Assignment not found.");
  return row;
}

/** The caller acted on a version they saw; someone else changed it since → 409 with the current state. */
export function assertVersion(current: CurrentAssignment, expected: number | undefined) {
  if (expected !== undefined && expected !== current.version) {
    throw new AppError("stale_version", "Someone else changed this assignment since you loaded it; reload and try again.", {
      details: { current: current.state, version: current.version, entity: "assignment" },
    });
  }
}

/** Compare-and-set on the version, so even a writer that skipped the document lock cannot be overwritten. */
export async function writeAssignment(tx: Tx, current: CurrentAssignment, data: Prisma.AssignmentUpdateManyMutationInput) {
  const { count } = await tx.assignment.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) {
    throw new AppError("stale_version", "Someone else changed this assignment at the same time; reload and try again.", {
      details: { current: current.state, version: current.version, entity: "assignment" },
    });
  }
}
