import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { enqueue, registerHandler } from "@/lib/jobs/queue";
import { startAgreementRunSchema, type AgreementRunQueued } from "@/lib/validation/agreement";
import { parseOrThrow } from "@/lib/validation/parse";
import { readSettledDataVersion } from "./data-version";
import { computeAgreement, countAgreementDocuments } from "./project-agreement";

/**
 * A queued or running AGREEMENT task not updated for this long is taken as abandoned (its worker
 * died and the queue gave up), so it no longer blocks a new run. A run writes progress after
 * every batch of documents, so a live one is never this quiet.
 */
export const ABANDONED_AFTER_MS = 15 * 60 * 1000;

/** The AGREEMENT task of the project that is queued or running, if any. */
export async function findActiveAgreementTask(projectId: string, db: Pick<ReturnType<typeof prisma>, "task"> = prisma()) {
  return db.task.findFirst({
    where: { projectId, kind: "AGREEMENT", status: { in: ["QUEUED", "RUNNING"] }, updatedAt: { gt: new Date(Date.now() - ABANDONED_AFTER_MS) } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
}

/**
 * Starts recomputing the project's agreement (manager or reviewer). One run per project at a
 * time: callers that arrive while one is queued or running get that run (`created: false`).
 */
export async function startAgreementRun(user: AuthenticatedUser, projectId: string, input: unknown): Promise<AgreementRunQueued> {
  await requireProjectPermission(user, projectId, "agreement.compute");
  parseOrThrow(startAgreementRunSchema, input);
  const run = await prisma().$transaction(async (tx) => {
    // Serialises concurrent starts of one project only; saves never take this lock.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`agreement:${projectId}`}))`;
    const active = await findActiveAgreementTask(projectId, tx);
    if (active) return { taskId: active.id, created: false };
    const task = await tx.task.create({ data: { projectId, kind: "AGREEMENT", createdById: user.id }, select: { id: true } });
    return { taskId: task.id, created: true };
  });
  if (run.created) {
    try {
      await enqueue("compute-agreement", { taskId: run.taskId }, { projectId });
    } catch (error) {
      // Not queued: fail the row so it does not block the next attempt for ABANDONED_AFTER_MS.
      await prisma().task.update({ where: { id: run.taskId }, data: { status: "FAILED", error: "The recompute could not be queued; try again." } });
      throw error;
    }
  }
  return run;
}

/**
 * The job. A retried job starts again from the first document: the state between batches is
 * in memory only, and a whole 10,000-document project takes seconds (README, bench:agreement).
 * The data version is read before any document, so a change made during the run leaves the
 * stored result stale rather than silently included or missed.
 */
export async function runAgreementTask({ taskId }: { taskId: string }): Promise<void> {
  const task = await prisma().task.findUnique({ where: { id: taskId }, select: { projectId: true, status: true } });
  if (!task || task.status === "DONE") return;
  const { projectId } = task;
  try {
    await prisma().task.update({ where: { id: taskId }, data: { status: "RUNNING", done: 0, error: null } });
    // Phase timings land in the task's result: what an operator (and bench:agreement) reads first.
    const t0 = performance.now();
    const dataVersion = await readSettledDataVersion(projectId);
    const t1 = performance.now();
    let total = await countAgreementDocuments(projectId);
    await prisma().task.update({ where: { id: taskId }, data: { total } });
    const t2 = performance.now();
    const report = await computeAgreement(projectId, {
      onBatch: async (done) => {
        total = Math.max(total, done);
        await prisma().task.update({ where: { id: taskId }, data: { done, total } });
      },
    });
    await prisma().$transaction(async (tx) => {
      // An older version never overwrites a newer one (an abandoned run finishing late).
      await tx.$executeRaw`
        INSERT INTO agreement_results (project_id, result, data_version, computed_at, task_id)
        VALUES (${projectId}, ${JSON.stringify(report)}::jsonb, ${dataVersion}, now(), ${taskId})
        ON CONFLICT (project_id) DO UPDATE SET result = EXCLUDED.result, data_version = EXCLUDED.data_version,
          computed_at = EXCLUDED.computed_at, task_id = EXCLUDED.task_id
        WHERE agreement_results.data_version <= EXCLUDED.data_version`;
      await tx.task.update({
        where: { id: taskId },
        data: {
          status: "DONE",
          done: report.documents,
          total: report.documents,
          result: {
            dataVersion: dataVersion.toString(),
            documents: report.documents,
            timingsMs: { settle: Math.round(t1 - t0), count: Math.round(t2 - t1), compute: Math.round(performance.now() - t2) },
          },
        },
      });
    });
  } catch (error) {
    console.error("agreement task failed", error);
    await prisma()
      .task.update({ where: { id: taskId }, data: { status: "FAILED", error: "Computing agreement stopped on a server error; the last result is kept." } })
      .catch(() => undefined);
    throw error;
  }
}

registerHandler("compute-agreement", runAgreementTask);
