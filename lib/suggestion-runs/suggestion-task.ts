import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueue, enqueueMany, registerHandler } from "@/lib/jobs/queue";
import { parseOrThrow } from "@/lib/validation/parse";
import { runSuggestionsSchema } from "@/lib/validation/suggestions";
import { storeSuggestionsForDocument } from "./store-suggestions";

/** What a SUGGEST task row keeps in `result`: its input (the documents) and running totals. */
export type SuggestTaskResult = {
  documentIds: string[];
  suggestions: number;
  skipped: number;
  failed: number;
  /** External suggester calls that failed (the reasons are on each suggester); absent on older tasks. */
  externalFailures?: number;
};

async function queueSuggestionTask(projectId: string, userId: string | null, documentIds: string[]): Promise<{ taskId: string }> {
  const result: SuggestTaskResult = { documentIds, suggestions: 0, skipped: 0, failed: 0, externalFailures: 0 };
  const task = await prisma().task.create({
    data: { projectId, kind: "SUGGEST", total: documentIds.length, createdById: userId, result },
    select: { id: true },
  });
  await enqueue("run-suggestions", { taskId: task.id }, { projectId });
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

/** Documents per "suggest-batch" job: a few seconds of work, so projects take turns. */
const DOCUMENTS_PER_UNIT = 10;

async function failTask(taskId: string, error: string): Promise<void> {
  await prisma().task.updateMany({ where: { id: taskId, status: { in: ["QUEUED", "RUNNING"] } }, data: { status: "FAILED", error } });
}

/** The "run-suggestions" job: splits the documents into units (once) and queues a job per open unit. */
export async function runSuggestionTask({ taskId }: { taskId: string }): Promise<void> {
  const task = await prisma().task.findUnique({ where: { id: taskId }, select: { projectId: true, status: true, result: true } });
  if (!task) return console.warn(`suggestion task ${taskId} is gone; nothing to do`);
  if (task.status === "DONE" || task.status === "FAILED") return;
  const ids = (task.result as SuggestTaskResult).documentIds ?? [];
  await prisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan:${taskId}`}))`;
    if ((await tx.taskUnit.count({ where: { taskId } })) > 0) return;
    const units = [];
    for (let i = 0; i < ids.length; i += DOCUMENTS_PER_UNIT) units.push({ taskId, position: units.length, documentIds: ids.slice(i, i + DOCUMENTS_PER_UNIT) });
    await tx.taskUnit.createMany({ data: units });
    await tx.task.update({ where: { id: taskId }, data: { status: "RUNNING" } });
  });
  const open = await prisma().taskUnit.findMany({ where: { taskId, result: { equals: Prisma.DbNull } }, orderBy: { position: "asc" }, select: { id: true } });
  await enqueueMany("suggest-batch", open.map((u) => ({ taskId, unitId: u.id })), { projectId: task.projectId, expireInSeconds: 5 * 60 });
}

/** The "suggest-batch" job: suggestions for a few documents, counted into the task exactly once. */
export async function runSuggestionBatch({ taskId, unitId }: { taskId: string; unitId: string }): Promise<void> {
  const task = await prisma().task.findUnique({ where: { id: taskId }, select: { status: true } });
  if (!task) return console.warn(`suggestion task ${taskId} is gone; batch ${unitId} skipped`);
  if (task.status === "DONE" || task.status === "FAILED") return;
  const unit = await prisma().taskUnit.findUnique({ where: { id: unitId }, select: { taskId: true, documentIds: true, result: true } });
  if (!unit || unit.taskId !== taskId) return failTask(taskId, "The work list of this suggestion run is gone; start the run again.");
  if (unit.result !== null) return;
  const tally = { suggestions: 0, skipped: 0, failed: 0, externalFailures: 0 };
  for (const documentId of unit.documentIds) {
    try {
      // Null: the document was deleted meanwhile; it is skipped, the others go on.
      const outcome = await storeSuggestionsForDocument(documentId);
      if (outcome) {
        tally.suggestions += outcome.stored;
        tally.externalFailures += outcome.externalFailures;
      } else tally.skipped += 1;
    } catch (error) {
      // One bad document must not stop the others; the count tells the manager to look.
      console.error(`suggestions failed for document ${documentId}`, error);
      tally.failed += 1;
    }
  }
  await prisma().$transaction(async (tx) => {
    const recorded = await tx.$executeRaw`UPDATE task_units SET result = ${JSON.stringify(tally)}::jsonb WHERE id = ${unitId} AND result IS NULL`;
    if (recorded === 0) return;
    await tx.$executeRaw`UPDATE tasks SET done = done + ${unit.documentIds.length}, updated_at = now(),
        status = CASE WHEN done + ${unit.documentIds.length} >= total THEN 'DONE'::"TaskStatus" ELSE status END,
        result = result || jsonb_build_object(
          'suggestions', (result->>'suggestions')::int + ${tally.suggestions},
          'skipped', (result->>'skipped')::int + ${tally.skipped},
          'failed', (result->>'failed')::int + ${tally.failed},
          'externalFailures', COALESCE((result->>'externalFailures')::int, 0) + ${tally.externalFailures})
      WHERE id = ${taskId}`;
  });
}

const lastTryFailed = async ({ taskId }: { taskId: string }, error: unknown) => {
  console.error("suggestion run failed for good", error);
  await failTask(taskId, "Suggestions stopped on a server error; documents already done keep theirs.");
};
registerHandler("run-suggestions", runSuggestionTask, { onFailure: lastTryFailed });
registerHandler("suggest-batch", runSuggestionBatch, { onFailure: lastTryFailed });
