import "server-only";
import type { assignmentSchema } from "@/lib/validation/assignment";
import type { z } from "@/lib/validation/zod";
import type { AssignmentStateName } from "./state-machine";

export const assignmentSelect = {
  id: true,
  documentId: true,
  userId: true,
  role: true,
  state: true,
  returnComment: true,
  submittedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  user: { select: { id: true, name: true, email: true } },
} as const;

/** An assignment as the API sends it (and the document page shows it): its response schema's type. */
export type AssignmentDto = z.infer<typeof assignmentSchema>;

type Row = {
  id: string;
  documentId: string;
  userId: string;
  role: "ANNOTATOR" | "REVIEWER";
  state: AssignmentStateName;
  returnComment: string | null;
  submittedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  user: { id: string; name: string; email: string };
};

export function toAssignmentDto(row: Row): AssignmentDto {
  return {
    ...row,
    role: row.role === "ANNOTATOR" ? "annotator" : "reviewer",
    submittedAt: row.submittedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The audit snapshot of an assignment (no user details: the ids are enough). */
export function assignmentSnapshot(row: Pick<Row, "id" | "userId" | "role" | "state" | "version"> & { returnComment?: string | null }) {
  return {
    id: row.id,
    userId: row.userId,
    role: row.role,
    state: row.state,
    version: row.version,
    ...(row.returnComment ? { returnComment: row.returnComment } : {}),
  };
}
