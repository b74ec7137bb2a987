import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { bulkAssignSchema } from "@/lib/validation/workflow";
import { membersWithRole, requireMembersWithRole } from "./eligible-members";
import { planBulkAssignment } from "./plan-bulk-assignment";
import { nextDocumentState, type DocumentStateName } from "./state-machine";
import { applyDocumentEvent, lockDocument } from "./transaction";

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

  return prisma().$transaction(
    async (tx) => {
      const known = await tx.document.findMany({ where: { id: { in: documentIds }, projectId }, select: { id: true } });
      const missing = documentIds.filter((id) => !known.some((d) => d.id === id));
      if (missing.length) throw invalid("documentIds", `These documents are not in this project: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}`);

      // Lock in id order so two bulk runs over overlapping documents cannot deadlock.
      const locked = new Map<string, Awaited<ReturnType<typeof lockDocument>>>();
      for (const id of [...documentIds].sort()) locked.set(id, await lockDocument(tx, id));

      const existing = await tx.assignment.findMany({ where: { documentId: { in: documentIds } }, select: { documentId: true, userId: true, role: true } });
      const openLoad = await tx.assignment.groupBy({
        by: ["userId"],
        where: { role: "ANNOTATOR", state: { not: "SUBMITTED" }, document: { projectId }, userId: { in: annotators.map((a) => a.id) } },
        _count: { _all: true },
      });
      const load = new Map(openLoad.map((r) => [r.userId, r._count._all]));

      const skipped: BulkAssignResult["skipped"] = [];
      const open = data.annotatorsPerDocument === 0 ? [] : documentIds.filter((id) => {
        const state = locked.get(id)!.state;
        if (nextDocumentState(state, "annotatorAdded")) return true;
        skipped.push({ documentId: id, state });
        return false;
      });
      const plan = data.annotatorsPerDocument === 0 ? { assignments: [], alreadyCovered: [] } : planBulkAssignment(
        open.map((id) => ({ id, annotatorIds: existing.filter((e) => e.documentId === id && e.role === "ANNOTATOR").map((e) => e.userId) })),
        annotators.map((a) => ({ id: a.id, load: load.get(a.id) ?? 0 })),
        data.annotatorsPerDocument,
      );

      const created: BulkAssignResult["created"] = plan.assignments.map((a) => ({ ...a, role: "annotator" }));
      if (data.reviewerId) {
        for (const id of documentIds) {
          const has = existing.some((e) => e.documentId === id && e.role === "REVIEWER" && e.userId === data.reviewerId);
          if (!has && locked.get(id)!.state !== "SIGNED_OFF") created.push({ documentId: id, userId: data.reviewerId, role: "reviewer" });
        }
      }
      const rows = await tx.assignment.createManyAndReturn({
        data: created.map((c) => ({ documentId: c.documentId, userId: c.userId, role: c.role === "annotator" ? ("ANNOTATOR" as const) : ("REVIEWER" as const) })),
        select: { id: true, documentId: true, userId: true, role: true, state: true, version: true },
      });
      await tx.auditEvent.createMany({
        data: rows.map((r) => ({
          projectId,
          documentId: r.documentId,
          actorId: user.id,
          action: "assignment.create",
          after: { id: r.id, userId: r.userId, role: r.role, state: r.state, version: r.version, bulk: true },
        })),
      });
      // A ready-for-review document that gained an annotator is annotating again.
      for (const documentId of new Set(plan.assignments.map((a) => a.documentId))) {
        await applyDocumentEvent(tx, locked.get(documentId)!, "annotatorAdded", user.id);
      }
      return { created, skipped, alreadyCovered: plan.alreadyCovered };
    },
    { timeout: 60_000 },
  );
}
