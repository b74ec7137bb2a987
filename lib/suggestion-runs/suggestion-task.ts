import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { enqueue, registerHandler } from "@/lib/jobs/queue";
import { parseOrThrow } from "@/lib/validation/parse";
import { runSuggestionsSchema } from "@/lib/validation/suggestions";
import { storeSuggestionsForDocument } from "./store-suggestions";

/** What a SUGGEST task row keeps in `result`: its input (the documents) and running totals. */
export type SuggestTaskResult = { documentIds: string[]; suggestions: number; skipped: number; failed: number };

async function queueSuggestionTask(projectId: string, userId: string | null, documentIds: string[]): Promise<{ taskId: string }> {
  const result: SuggestTaskResult = { documentIds, suggestions: 0, skipped: 0, failed: 0 };
  const task = await prisma().task.create({
    data: { projectId, kind: "SUGGEST", total: documentIds.length, createdById: userId, result },
    select: { id: true },
  });
  await enqueue("run-suggestions", { taskId: task.id });
  return { taskId: task.id };
}

/** A manager re-runs the suggesters for chosen documents of the project, as a background task. */
export async function createSuggestionTask(user: AuthenticatedUser, projectId: string, input: unknown): Promise<{ taskId: string }> {
  await requireProjectPermission(user, projectId, "suggestions.manage");
  const ids = [...new Set(parseOrThrow(runSuggestionsSchema, input).documentIds)];
  const found = await prisma().document.findMany({ where: { projectId, id: { in: ids } }, select: { id: true } });
  if (found.length !== ids.length) {
    const known = new Set(found.map((d) => d.id));
    const missing = ids.filter((id) => !known.has(id));
    throw new AppError("not_found", `${missing.length} of the chosen documents were not found in this project.`, { details: { missing } });
  }
  return queueSuggestionTask(projectId, user.id, ids);
}

/**
 * Called after an import: queues suggestions for the new documents. Never fails the import — if
 * queueing fails the documents are kept and a manager can re-run suggestions later.
 */
export async function queueSuggestionsAfterImport(projectId: string, userId: string | null, documentIds: string[]): Promise<void> {
  if (documentIds.length === 0) return;
  try {
    await queueSuggestionTask(projectId, userId, documentIds);
  } catch (error) {
    console.error("queueing suggestions after import failed", error);
  }
}

/** The job: documents from `done` onwards, so a retried job resumes where it stopped. */
export async function runSuggestionTask({ taskId }: { taskId: string }): Promise<void> {
  const task = await prisma().task.findUnique({ where: { id: taskId }, select: { status: true, done: true, result: true } });
  if (!task || task.status === "DONE") return;
  await prisma().task.update({ where: { id: taskId }, data: { status: "RUNNING" } });
  const totals = task.result as SuggestTaskResult;
  try {
    for (const documentId of totals.documentIds.slice(task.done)) {
      let outcome: Awaited<ReturnType<typeof storeSuggestionsForDocument>> = null;
      let failed = false;
      try {
        outcome = await storeSuggestionsForDocument(documentId);
      } catch (error) {
        // One bad document must not stop the others; the count tells the manager to look.
        console.error(`suggestions failed for document ${documentId}`, error);
        failed = true;
      }
      if (outcome) totals.suggestions += outcome.stored;
      else if (failed) totals.failed += 1;
      else totals.skipped += 1;
      await prisma().task.update({ where: { id: taskId }, data: { done: { increment: 1 }, result: totals } });
    }
    await prisma().task.update({ where: { id: taskId }, data: { status: "DONE" } });
  } catch (error) {
    console.error("suggestion task failed", error);
    await prisma().task.update({ where: { id: taskId }, data: { status: "FAILED", error: "Suggestions stopped on a server error; documents already done keep theirs." } });
    throw error;
  }
}

registerHandler("run-suggestions", runSuggestionTask);
