import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { newId } from "@/lib/db/new-id";
import { prisma } from "@/lib/db/prisma";
import { pgTransaction, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { enqueue, enqueueMany, registerHandler } from "@/lib/jobs/queue";
import type { ImportResult } from "@/lib/validation/documents";
import { queueSuggestionsAfterImport } from "@/lib/suggestion-runs/suggestion-task";
import { importedIds, importUploadedFile, type UploadedFile } from "./import-files";
import { planImportUnits } from "./import-units";

export const MAX_FILES_PER_BATCH = 500;

/**
 * Stores the uploaded files and queues their import as a background job; the page polls the task.
 * Files are kept in PostgreSQL (not on one instance's disk) so any worker process can run the job.
 */
export async function createImportTask(user: AuthenticatedUser, projectId: string, files: UploadedFile[]) {
  await requireProjectPermission(user, projectId, "documents.import");
  if (files.length === 0) throw new AppError("validation_failed", "Choose at least one file to import.", { details: { fields: { file: ["Choose at least one file"] } } });
  if (files.length > MAX_FILES_PER_BATCH) throw new AppError("validation_failed", `At most ${MAX_FILES_PER_BATCH} files per batch.`);
  // Plain SQL: megabytes of bytes through the query builder cost seconds on a busy server.
  const taskId = newId();
  const now = new Date().toISOString();
  await pgTransaction(async (client) => {
    await client.query(
      `INSERT INTO tasks (id, project_id, kind, status, total, done, result, created_by_id, created_at, updated_at)
       VALUES ($1, $2, 'IMPORT', 'QUEUED', $3, 0, '{"imported": 0, "duplicates": 0, "failed": 0}'::jsonb, $4, $5::timestamp(3), $5::timestamp(3))`,
      [taskId, projectId, files.length, user.id, now],
    );
    for (const [position, f] of files.entries()) {
      await client.query(`INSERT INTO import_files (id, task_id, name, encoding, content, position) VALUES ($1, $2, $3, $4, $5, $6)`, [
        newId(), taskId, f.name, f.encoding || "utf-8", Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength), position,
      ]);
    }
  });
  await enqueue("import-files", { taskId }, { projectId });
  return { taskId };
}

const INPUT_GONE = "The uploaded data of this import is gone (deleted while it waited); import the file again.";

async function failTask(taskId: string, error: string): Promise<void> {
  await prisma().task.updateMany({ where: { id: taskId, status: { in: ["QUEUED", "RUNNING"] } }, data: { status: "FAILED", error } });
}

/**
 * The "import-files" job: splits the task's files into units of at most 100 lines (once: a
 * re-run finds them) and queues one "import-batch" job per unit not yet done.
 */
export async function runImportTask({ taskId }: { taskId: string }): Promise<void> {
  const task = await prisma().task.findUnique({ where: { id: taskId }, select: { projectId: true, status: true } });
  if (!task) return console.warn(`import task ${taskId} is gone; nothing to do`);
  if (task.status === "DONE" || task.status === "FAILED") return;
  const units = await planImportUnits(taskId);
  if (units === null) return failTask(taskId, INPUT_GONE);
  await prisma().task.updateMany({ where: { id: taskId, status: "QUEUED" }, data: { status: "RUNNING" } });
  const pending = units.filter((u) => !u.done);
  await enqueueMany("import-batch", pending.map((u) => ({ taskId, unitId: u.id })), { projectId: task.projectId, expireInSeconds: 5 * 60 });
}

/** The "import-batch" job: imports one unit's lines and counts it into the task, exactly once. */
export async function runImportBatch({ taskId, unitId }: { taskId: string; unitId: string }): Promise<void> {
  const task = await prisma().task.findUnique({ where: { id: taskId }, select: { projectId: true, createdById: true, status: true } });
  if (!task) return console.warn(`import task ${taskId} is gone; batch ${unitId} skipped`);
  if (task.status === "DONE" || task.status === "FAILED") return;
  const [row] = await sql().query<{ task_id: string; file_id: string | null; first_line: number; content: Buffer | null; encoding: string; native: boolean; done: boolean; name: string | null }>(
    `SELECT u.task_id, u.file_id, u.first_line, u.content, u.encoding, u.native, u.result IS NOT NULL AS done, f.name
       FROM task_units u LEFT JOIN import_files f ON f.id = u.file_id WHERE u.id = $1`,
    [unitId],
  );
  const unit = row && { taskId: row.task_id, fileId: row.file_id, firstLine: row.first_line, content: row.content, encoding: row.encoding, native: row.native, result: row.done ? true : null };
  const file = row?.name != null ? { name: row.name } : null;
  if (!unit || unit.taskId !== taskId || !file || !unit.content) {
    if (unit && unit.result !== null) return;
    return failTask(taskId, INPUT_GONE);
  }
  if (unit.result !== null) return;
  const results = await importUploadedFile(
    { projectId: task.projectId, userId: task.createdById, deferSuggestions: true, importKeyPrefix: `${taskId}:${unit.fileId}`, lineOffset: unit.firstLine },
    { name: file.name, bytes: unit.content, encoding: unit.encoding },
    { lineOffset: unit.firstLine, native: unit.native },
  );
  const finished = await completeImportUnit(taskId, unitId, unit.fileId!, results);
  if (finished) {
    // One suggestion run for the whole import, from the stored results so a resumed task sees every file.
    const files = await prisma().importFile.findMany({ where: { taskId }, select: { result: true } });
    await queueSuggestionsAfterImport(task.projectId, task.createdById, importedIds(files.flatMap((f) => (f.result as ImportResult[] | null) ?? [])));
  }
}

/**
 * Records a unit's results and counts them into the task in one transaction; only the first
 * caller for a unit counts (a duplicate job changes nothing). A file's results are assembled when
 * its last unit ends. Returns true for the call that finished the whole task.
 */
async function completeImportUnit(taskId: string, unitId: string, fileId: string, results: ImportResult[]): Promise<boolean> {
  const counts = countResults(results);
  return pgTransaction(async (client) => {
    // Serialises the units of one file, so exactly one of them sees the file complete.
    await client.query(`SELECT id FROM import_files WHERE id = $1 FOR UPDATE`, [fileId]);
    const recorded = await client.query(`UPDATE task_units SET result = $1::jsonb, content = NULL WHERE id = $2 AND result IS NULL`, [JSON.stringify(results), unitId]);
    if (recorded.rowCount === 0) return false;
    const { rows: open } = await client.query<{ open: number }>(`SELECT count(*)::int AS open FROM task_units WHERE file_id = $1 AND result IS NULL`, [fileId]);
    let fileDone = 0;
    if ((open[0]?.open ?? 0) === 0) {
      fileDone = 1;
      await client.query(
        `UPDATE import_files SET content = ''::bytea, result = (
            SELECT coalesce(jsonb_agg(r ORDER BY u.position, ord), '[]'::jsonb)
              FROM task_units u, jsonb_array_elements(u.result) WITH ORDINALITY AS e(r, ord) WHERE u.file_id = $1)
          WHERE id = $1`,
        [fileId],
      );
    }
    const { rows } = await client.query<{ done: number; total: number }>(
      `UPDATE tasks SET done = done + $2, updated_at = now(),
          status = CASE WHEN done + $2 >= total THEN 'DONE'::"TaskStatus" ELSE status END,
          result = jsonb_build_object(
            'imported', (result->>'imported')::int + $3,
            'duplicates', (result->>'duplicates')::int + $4,
            'failed', (result->>'failed')::int + $5)
        WHERE id = $1 RETURNING done, total`,
      [taskId, fileDone, counts.imported, counts.duplicates, counts.failed],
    );
    const row = rows[0];
    return fileDone === 1 && row !== undefined && row.done >= row.total;
  });
}

export function countResults(results: ImportResult[]) {
  return {
    imported: results.filter((r) => r.status === "imported").length,
    duplicates: results.filter((r) => r.status === "duplicate").length,
    failed: results.filter((r) => r.status === "failed").length,
  };
}

const lastTryFailed = (what: string) => async ({ taskId }: { taskId: string }, error: unknown) => {
  console.error(`${what} failed for good`, error);
  await failTask(taskId, "The import stopped on a server error; documents already imported are kept.");
};
registerHandler("import-files", runImportTask, { onFailure: lastTryFailed("import planning") });
registerHandler("import-batch", runImportBatch, { onFailure: lastTryFailed("an import batch") });
