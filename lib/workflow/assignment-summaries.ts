import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";

export type AssignmentSummary = { annotators: number; submitted: number; annotatorNames: string[]; reviewerNames: string[] };

/** Per document of a page of the list: who annotates (how many submitted) and who reviews. */
export async function assignmentSummaries(user: AuthenticatedUser, projectId: string, documentIds: readonly string[]): Promise<Map<string, AssignmentSummary>> {
  await requireProjectPermission(user, projectId, "documents.view");
  const rows = await prisma().assignment.findMany({
    where: { documentId: { in: [...documentIds] }, document: { projectId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { documentId: true, role: true, state: true, user: { select: { name: true } } },
  });
  const summaries = new Map<string, AssignmentSummary>();
  for (const r of rows) {
    const s = summaries.get(r.documentId) ?? { annotators: 0, submitted: 0, annotatorNames: [], reviewerNames: [] };
    if (r.role === "ANNOTATOR") {
      s.annotators += 1;
      if (r.state === "SUBMITTED") s.submitted += 1;
      s.annotatorNames.push(r.user.name);
    } else {
      s.reviewerNames.push(r.user.name);
    }
    summaries.set(r.documentId, s);
  }
  return summaries;
}
