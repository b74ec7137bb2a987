import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { enqueue } from "@/lib/jobs/queue";
import type { ExportFormat } from "@/lib/validation/datasets";

export type LaterFormatRequest = { taskId: string | null; format: ExportFormat; status: "QUEUED" | "RUNNING" | "DONE" | "FAILED" };

type TaskResult = { versionId?: string; format?: string };

/**
 * Queues the build of a format the version was not built with, unless it is built or already
 * being built (then that task is returned). Downloading it is allowed to anyone who may download
 * the version, so asking for it is too.
 */
export async function requestLaterFormat(user: AuthenticatedUser, projectId: string, versionId: string, format: ExportFormat): Promise<LaterFormatRequest> {
  await requireProjectPermission(user, projectId, "datasets.view");
  const outcome = await prisma().$transaction(async (tx) => {
    // The version's row lock serialises two first downloads of the same format.
    const [version] = await tx.$queryRaw<{ number: number; later_formats: string[]; formats: string[] }[]>`
      SELECT number, later_formats, formats FROM dataset_versions WHERE id = ${versionId} FOR UPDATE`;
    if (!version) return null;
    if (version.formats.includes(format) || version.later_formats.includes(format)) return { taskId: null, status: "DONE" as const, created: false };
    const running = await tx.task.findMany({
      where: { projectId, kind: "EXPORT", status: { in: ["QUEUED", "RUNNING"] } },
      select: { id: true, status: true, result: true },
    });
    const same = running.find((t) => (t.result as TaskResult | null)?.versionId === versionId && (t.result as TaskResult | null)?.format === format);
    if (same) return { taskId: same.id, status: same.status, created: false };
    const documents = await tx.$queryRaw<{ n: number }[]>`SELECT COALESCE((manifest->'counts'->>'documents')::int, 0) AS n FROM dataset_versions WHERE id = ${versionId}`;
    const task = await tx.task.create({
      data: { projectId, kind: "EXPORT", total: documents[0]?.n ?? 0, createdById: user.id, result: { number: version.number, versionId, format } },
      select: { id: true },
    });
    return { taskId: task.id, status: "QUEUED" as const, created: true };
  });
  if (!outcome) return { taskId: null, format, status: "FAILED" };
  if (!outcome.created || !outcome.taskId) return { taskId: outcome.taskId, format, status: outcome.status };
  await enqueue("build-dataset-format", { taskId: outcome.taskId }, { projectId });
  // Jobs run inline (tests) have finished by now.
  const task = await prisma().task.findUniqueOrThrow({ where: { id: outcome.taskId }, select: { status: true } });
  return { taskId: outcome.taskId, format, status: task.status };
}
