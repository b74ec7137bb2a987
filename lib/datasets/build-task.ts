import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { registerHandler } from "@/lib/jobs/queue";
import type { ExportFormat } from "@/lib/validation/datasets";
import { buildLaterFormat } from "./build-later-format";
import { BuildClock } from "./build-clock";
import { buildVersionFiles } from "./build-version";

const PROGRESS_MS = 500;

/** The "build-dataset" job: writes the version's files and manifest, recording progress in its task. */
export async function runBuildDatasetTask({ taskId }: { taskId: string }): Promise<void> {
  const started = Date.now();
  const clock = new BuildClock();
  const version = await prisma().datasetVersion.findFirst({ where: { taskId }, select: { id: true, status: true, createdAt: true } });
  if (!version) {
    // Deleted while it waited: say so on the task instead of retrying.
    await prisma().task.updateMany({ where: { id: taskId, status: { in: ["QUEUED", "RUNNING"] } }, data: { status: "FAILED", error: "The dataset version of this build is gone." } });
    return;
  }
  if (version.status === "DONE") return;
  // From the version's creation until a worker picked the job up (queue latency).
  clock.add("pickup", Math.max(0, started - version.createdAt.getTime()));
  clock.mark("taskUpdates");
  await prisma().$transaction([
    prisma().task.update({ where: { id: taskId }, data: { status: "RUNNING", done: 0 } }),
    prisma().datasetVersion.update({ where: { id: version.id }, data: { status: "RUNNING" } }),
  ]);
  clock.mark("taskUpdates");
  try {
    // Progress is written at most every half second: each update is a round trip the build waits for.
    let reported = performance.now();
    let written = 0;
    const { manifest, diff } = await buildVersionFiles(version.id, {
      onProgress: async (done) => {
        written = done;
        if (performance.now() - reported < PROGRESS_MS) return;
        await prisma().task.update({ where: { id: taskId }, data: { done } });
        reported = performance.now();
      },
      clock,
    });
    const stored = { ...(manifest as Record<string, Prisma.InputJsonValue>), diff } as Prisma.InputJsonValue;
    const task = await prisma().task.findUniqueOrThrow({ where: { id: taskId }, select: { result: true } });
    clock.mark("taskUpdates");
    const result = { ...((task.result ?? {}) as Record<string, Prisma.InputJsonValue>), phases: clock.result() };
    await prisma().$transaction([
      prisma().datasetVersion.update({ where: { id: version.id }, data: { status: "DONE", manifest: stored } }),
      prisma().task.update({ where: { id: taskId }, data: { status: "DONE", done: written, result } }),
    ]);
  } catch (error) {
    console.error("dataset build failed", error);
    await prisma().$transaction([
      prisma().datasetFile.deleteMany({ where: { datasetVersionId: version.id } }),
      prisma().datasetVersion.update({ where: { id: version.id }, data: { status: "FAILED" } }),
      prisma().task.update({ where: { id: taskId }, data: { status: "FAILED", error: "The dataset could not be built; no files were kept. Check the server log." } }),
    ]);
    throw error;
  }
}

/** The "build-dataset-format" job: one format of a finished version, built at its first download. */
export async function runBuildLaterFormatTask({ taskId }: { taskId: string }): Promise<void> {
  const task = await prisma().task.findUnique({ where: { id: taskId }, select: { result: true, total: true } });
  const { versionId, format } = (task?.result ?? {}) as { versionId?: string; format?: ExportFormat };
  if (!task || !versionId || !format) return;
  await prisma().task.update({ where: { id: taskId }, data: { status: "RUNNING" } });
  const outcome = await buildLaterFormat(versionId, format);
  await prisma().task.update({
    where: { id: taskId },
    data: outcome === "missing" ? { status: "FAILED", error: "The dataset version is gone or not built." } : { status: "DONE", done: task.total },
  });
}

async function laterFormatFailed({ taskId }: { taskId: string }): Promise<void> {
  await prisma().task.updateMany({ where: { id: taskId, status: { in: ["QUEUED", "RUNNING"] } }, data: { status: "FAILED", error: "The format could not be built; nothing was kept. Check the server log." } });
}

registerHandler("build-dataset", runBuildDatasetTask);
registerHandler("build-dataset-format", runBuildLaterFormatTask, { onFailure: laterFormatFailed });
