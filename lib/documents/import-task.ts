import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueue, registerHandler } from "@/lib/jobs/queue";
import type { ImportResult } from "@/lib/validation/documents";
import { queueSuggestionsAfterImport } from "@/lib/suggestion-runs/suggestion-task";
import { importedIds, importUploadedFile, type UploadedFile } from "./import-files";

export const MAX_FILES_PER_BATCH = 500;

/**
 * Stores the uploaded files and queues their import as a background job; the page polls the task.
 * Files are kept in PostgreSQL (not on one instance's disk) so any app instance can run the job.
 */
export async function createImportTask(user: AuthenticatedUser, projectId: string, files: UploadedFile[]) {
  await requireProjectPermission(user, projectId, "documents.import");
  if (files.length === 0) throw new AppError("validation_failed", "Choose at least one file to import.", { details: { fields: { file: ["Choose at least one file"] } } });
  if (files.length > MAX_FILES_PER_BATCH) throw new AppError("validation_failed", `At most ${MAX_FILES_PER_BATCH} files per batch.`);
  const task = await prisma().$transaction(async (tx) => {
    const created = await tx.task.create({
      data: { projectId, kind: "IMPORT", total: files.length, createdById: user.id, result: { imported: 0, duplicates: 0, failed: 0 } },
      select: { id: true },
    });
    await tx.importFile.createMany({
      data: files.map((f, position) => ({ taskId: created.id, name: f.name, encoding: f.encoding || "utf-8", content: Buffer.from(f.bytes), position })),
    });
    return created;
  });
  await enqueue("import-files", { taskId: task.id });
  return { taskId: task.id };
}

/** The job: imports each file not yet done (so a retried job resumes), recording progress. */
export async function runImportTask({ taskId }: { taskId: string }): Promise<void> {
  const task = await prisma().task.findUnique({ where: { id: taskId }, select: { projectId: true, createdById: true, status: true } });
  if (!task || task.status === "DONE") return;
  await prisma().task.update({ where: { id: taskId }, data: { status: "RUNNING" } });
  try {
    const pending = await prisma().importFile.findMany({ where: { taskId, result: { equals: Prisma.DbNull } }, orderBy: { position: "asc" }, select: { id: true } });
    for (const { id } of pending) {
      const file = await prisma().importFile.findUniqueOrThrow({ where: { id }, select: { name: true, encoding: true, content: true } });
      const results = await importUploadedFile(
        { projectId: task.projectId, userId: task.createdById, deferSuggestions: true },
        { name: file.name, bytes: file.content, encoding: file.encoding },
      );
      const counts = countResults(results);
      await prisma().$transaction([
        // The bytes are no longer needed once imported; the documents hold the text.
        prisma().importFile.update({ where: { id }, data: { result: results as unknown as Prisma.InputJsonValue, content: Buffer.alloc(0) } }),
        prisma().$executeRaw`UPDATE tasks SET done = done + 1, updated_at = now(),
          result = jsonb_build_object(
            'imported', (result->>'imported')::int + ${counts.imported},
            'duplicates', (result->>'duplicates')::int + ${counts.duplicates},
            'failed', (result->>'failed')::int + ${counts.failed})
          WHERE id = ${taskId}`,
      ]);
    }
    await prisma().task.update({ where: { id: taskId }, data: { status: "DONE" } });
    // One suggestion run for the whole batch, from the stored results so a resumed job sees every file.
    const files = await prisma().importFile.findMany({ where: { taskId }, select: { result: true } });
    await queueSuggestionsAfterImport(task.projectId, task.createdById, importedIds(files.flatMap((f) => (f.result as ImportResult[] | null) ?? [])));
  } catch (error) {
    console.error("import task failed", error);
    await prisma().task.update({ where: { id: taskId }, data: { status: "FAILED", error: "The import stopped on a server error; files already imported are kept." } });
    throw error;
  }
}

export function countResults(results: ImportResult[]) {
  return {
    imported: results.filter((r) => r.status === "imported").length,
    duplicates: results.filter((r) => r.status === "duplicate").length,
    failed: results.filter((r) => r.status === "failed").length,
  };
}

registerHandler("import-files", runImportTask);
