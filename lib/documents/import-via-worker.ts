import "server-only";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { jobsRunInline } from "@/lib/jobs/queue";
import type { ImportResult } from "@/lib/validation/documents";
import type { UploadedFile } from "./import-files";
import { createImportTask } from "./import-task";

/** Synchronous API imports above this size are done by a worker process, not the web server. */
export const HAND_OFF_BYTES = 256 * 1024;
/** How long the request waits for the worker before it answers 202 with the task to poll. */
const MAX_WAIT_MS = 5 * 60 * 1000;

export type HandedOff = { done: true; results: ImportResult[] } | { done: false; taskId: string; status: string };

/** Big enough to hand off (and jobs are not run inline, as in integration tests). */
export function shouldHandOff(bytes: number): boolean {
  return bytes > HAND_OFF_BYTES && !jobsRunInline();
}

/**
 * Imports through the background import (batches on worker processes, so the web server's event
 * loop stays free) and waits for it: the results come from the stored per-file results, in order.
 */
export async function importViaWorker(user: AuthenticatedUser, projectId: string, files: UploadedFile[]): Promise<HandedOff> {
  const { taskId } = await createImportTask(user, projectId, files);
  let pause = 50;
  for (const end = Date.now() + MAX_WAIT_MS; Date.now() < end; ) {
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 500);
    const task = await prisma().task.findUnique({ where: { id: taskId }, select: { status: true } });
    if (!task || task.status === "FAILED") throw new Error(`background import ${taskId} ${task ? "failed" : "is gone"}`);
    if (task.status !== "DONE") continue;
    const stored = await prisma().importFile.findMany({ where: { taskId }, orderBy: { position: "asc" }, select: { result: true } });
    return { done: true, results: stored.flatMap((f) => (f.result as ImportResult[] | null) ?? []) };
  }
  const task = await prisma().task.findUnique({ where: { id: taskId }, select: { status: true } });
  return { done: false, taskId, status: task?.status ?? "QUEUED" };
}

/** A JSON body (one article or an array) as a JSONL file, and back to the names the JSON path uses. */
export function jsonBodyAsFile(body: unknown): { file: UploadedFile; rename: (results: ImportResult[]) => ImportResult[] } {
  const items = Array.isArray(body) ? body : [body];
  const text = items.map((item) => JSON.stringify(item) ?? "null").join("\n");
  const rename = (results: ImportResult[]) =>
    results.map(({ line, ...rest }) => ({
      ...rest,
      name: Array.isArray(body) ? `item ${line ?? 1}` : "article",
      ...(rest.error ? { error: { ...rest.error, message: rest.error.message.replace(/^Line \d+: /u, "") } } : {}),
    }));
  return { file: { name: "request.jsonl", bytes: new TextEncoder().encode(text) }, rename };
}
