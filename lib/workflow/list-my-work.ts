import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import type { AssignmentStateName, DocumentStateName } from "./state-machine";

export type MyWorkItem = {
  assignmentId: string;
  role: "annotator" | "reviewer";
  state: AssignmentStateName;
  version: number;
  returnComment: string | null;
  document: { id: string; title: string; state: DocumentStateName; sentenceCount: number };
  /** Annotations the caller wrote in this document (annotator layer for annotators, gold for reviewers). */
  annotationCount: number;
  /** Where the work happens: the annotate page or the review page. */
  href: string;
};

const STATE_ORDER: Record<AssignmentStateName, number> = { IN_PROGRESS: 0, ASSIGNED: 1, SUBMITTED: 2 };

/** Whether the item still needs the caller: unsubmitted annotation, or a document waiting for review. */
export function isOpen(item: Pick<MyWorkItem, "role" | "state" | "document">): boolean {
  if (item.role === "annotator") return item.state !== "SUBMITTED" && item.document.state !== "SIGNED_OFF";
  return item.document.state === "READY_FOR_REVIEW" || item.document.state === "IN_REVIEW";
}

/** The caller's assignments in a project: open work first (in progress, then assigned), then done. */
export async function listMyWork(user: AuthenticatedUser, projectId: string): Promise<{ items: MyWorkItem[]; next: MyWorkItem | null }> {
  await requireProjectPermission(user, projectId, "work.view");
  const rows = await prisma().assignment.findMany({
    where: { userId: user.id, document: { projectId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 5000,
    select: {
      id: true, role: true, state: true, version: true, returnComment: true,
      document: { select: { id: true, title: true, state: true, sentenceCount: true } },
    },
  });
  const counts = await prisma().annotation.groupBy({
    by: ["documentId", "layer"],
    where: { authorId: user.id, documentId: { in: rows.map((r) => r.document.id) } },
    _count: { _all: true },
  });
  const countOf = (documentId: string, layer: "ANNOTATOR" | "GOLD") =>
    counts.find((c) => c.documentId === documentId && c.layer === layer)?._count._all ?? 0;
  const items: MyWorkItem[] = rows.map((r) => {
    const role = r.role === "ANNOTATOR" ? ("annotator" as const) : ("reviewer" as const);
    return {
      assignmentId: r.id,
      role,
      state: r.state,
      version: r.version,
      returnComment: r.returnComment,
      document: r.document,
      annotationCount: countOf(r.document.id, role === "annotator" ? "ANNOTATOR" : "GOLD"),
      href: `/projects/${projectId}/documents/${r.document.id}/${role === "annotator" ? "annotate" : "review"}`,
    };
  });
  const open = items.filter(isOpen);
  items.sort((a, b) => Number(!isOpen(a)) - Number(!isOpen(b)) || STATE_ORDER[a.state] - STATE_ORDER[b.state]);
  // Returned work comes first: someone is waiting on it.
  const next = open.find((i) => i.returnComment) ?? items.find(isOpen) ?? null;
  return { items, next };
}
