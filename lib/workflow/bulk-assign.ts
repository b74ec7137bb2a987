import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { inSlices } from "@/lib/db/in-slices";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { bulkAssignSchema } from "@/lib/validation/workflow";
import { membersWithRole, requireMembersWithRole } from "./eligible-members";
import { planBulkAssignment } from "./plan-bulk-assignment";
import { nextDocumentState, type DocumentStateName } from "./state-machine";
import { applyDocumentEvent, lockDocuments } from "./transaction";

export type BulkAssignResult = {
  created: { documentId: string; userId: string; role: "annotator" | "reviewer" }[];
  /** Documents that could not take new annotators (in review or signed off). */
  skipped: { documentId: string; state: DocumentStateName }[];
  alreadyCovered: string[];
};

const invalid = (field: string, message: string) => new AppError("validation_failed", message, { details: { fields: { [field]: [message] } } });

/**
 * Gives each selected document k annotators (balanced over the least-loaded eligible annotators,
 * deterministic) and optionally a reviewer, in one transaction.
 */
export async function bulkAssign(user: AuthenticatedUser, projectId: string, input: unknown): Promise<BulkAssignResult> {
  await requireProjectPermission(user, projectId, "assignments.manage");
  const data = parseOrThrow(bulkAssignSchema, input);
  const documentIds = [...new Set(data.documentIds)];
  const annotators = data.annotatorIds
    ? await requireMembersWithRole(projectId, data.annotatorIds, "ANNOTATOR", "annotatorIds")
    : await membersWithRole(projectId, "ANNOTATOR");
  if (data.annotatorsPerDocument > annotators.length) {
    throw invalid(
      "annotatorsPerDocument",
      `Each document needs ${data.annotatorsPerDocument} different annotators but only ${annotators.length} ${annotators.length === 1 ? "is" : "are"} available.`,
    );
  }
  if (data.reviewerId) await requireMembersWithRole(projectId, [data.reviewerId], "REVIEWER", "reviewerId");

  const k = data.annotatorsPerDocument;
  return prisma().$transaction(
    async (tx) => {
      const locked = await lockDocuments(tx, documentIds);
      const missing = documentIds.filter((id) => locked.get(id)?.projectId !== projectId);
      if (missing.length) throw invalid("documentIds", `These documents are not in this project: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}`);

      const existing = await tx.assignment.findMany({ where: { documentId: { in: documentIds } }, select: { documentId: true, userId: true, role: true } });
      const annotatorsOf = new Map<string, string[]>();
      const hasReviewer = new Set<string>();
      for (const e of existing) {
        if (e.role === "ANNOTATOR") annotatorsOf.set(e.documentId, [...(annotatorsOf.get(e.documentId) ?? []), e.userId]);
        else if (e.userId === data.reviewerId) hasReviewer.add(e.documentId);
      }
      const openLoad = await tx.assignment.groupBy({
        by: ["userId"],
        where: { role: "ANNOTATOR", state: { not: "SUBMITTED" }, document: { projectId }, userId: { in: annotators.map((a) => a.id) } },
        _count: { _all: true },
      });
      const load = new Map(openLoad.map((r) => [r.userId, r._count._all]));

      // Documents in review or signed off take no new annotators; they are reported, not failed.
      const skipped: BulkAssignResult["skipped"] = [];
      const open: string[] = [];
      if (k > 0) {
        for (const id of documentIds) {
          const state = locked.get(id)!.state;
          if (nextDocumentState(state, "annotatorAdded")) open.push(id);
          else skipped.push({ documentId: id, state });
        }
      }
      const plan =
        k > 0
          ? planBulkAssignment(
              open.map((id) => ({ id, annotatorIds: annotatorsOf.get(id) ?? [] })),
              annotators.map((a) => ({ id: a.id, load: load.get(a.id) ?? 0 })),
              k,
            )
          : { assignments: [], alreadyCovered: [] };

      const created: BulkAssignResult["created"] = plan.assignments.map((a) => ({ ...a, role: "annotator" }));
      if (data.reviewerId) {
        for (const id of documentIds) {
          if (!hasReviewer.has(id) && locked.get(id)!.state !== "SIGNED_OFF") created.push({ documentId: id, userId: data.reviewerId, role: "reviewer" });
        }
      }
      const rows = (
        await inSlices(created, (slice) =>
          tx.assignment.createManyAndReturn({
            data: slice.map((c) => ({ documentId: c.documentId, userId: c.userId, role: c.role === "annotator" ? ("ANNOTATOR" as const) : ("REVIEWER" as const) })),
            select: { id: true, documentId: true, userId: true, role: true, state: true, version: true },
          }),
        )
      ).flat();
      const events = rows.map((r) => ({
        projectId,
        documentId: r.documentId,
        actorId: user.id,
        action: "assignment.create",
        after: { id: r.id, userId: r.userId, role: r.role, state: r.state, version: r.version, bulk: true },
      }));
      await inSlices(events, (slice) => tx.auditEvent.createMany({ data: slice }));
      // A ready-for-review document that gained an annotator is annotating again.
      for (const documentId of new Set(plan.assignments.map((a) => a.documentId))) {
        await applyDocumentEvent(tx, locked.get(documentId)!, "annotatorAdded", user.id);
      }
      return { created, skipped, alreadyCovered: plan.alreadyCovered };
    },
    { timeout: 60_000 },
  );
}
