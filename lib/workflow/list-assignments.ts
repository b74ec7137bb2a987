import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { assignmentSelect, toAssignmentDto, type AssignmentDto } from "./assignment-dto";

/** The document's assignments: annotators first, then reviewers, each in the order they were made. */
export async function listDocumentAssignments(user: AuthenticatedUser, documentId: string): Promise<AssignmentDto[]> {
  await requireDocumentPermission(user, documentId, "documents.view");
  const rows = await prisma().assignment.findMany({
    where: { documentId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: assignmentSelect,
  });
  return rows.map(toAssignmentDto);
}
