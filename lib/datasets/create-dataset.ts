import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/jobs/queue";
import { parseOrThrow } from "@/lib/validation/parse";
import { createDatasetSchema, datasetCountSchema, DEFAULT_SPLIT, normaliseFormats, type DatasetCount } from "@/lib/validation/datasets";
import { countDocuments } from "./read-documents";
import { nothingMatches, resolveDatasetFilter } from "./resolve-filter";

export type CreatedDataset = { versionId: string; number: number; taskId: string; status: "QUEUED" | "RUNNING" | "DONE" | "FAILED" };

/**
 * Records a new dataset version (number = last + 1) with its task and queues the build. The
 * version's files are written by the job; until then it is listed as queued/running.
 */
export async function createDatasetVersion(user: AuthenticatedUser, projectId: string, input: unknown): Promise<CreatedDataset> {
  await requireProjectPermission(user, projectId, "datasets.create");
  const data = parseOrThrow(createDatasetSchema, input ?? {});
  const filter = await resolveDatasetFilter(projectId, data.filter ?? {});
  const split = data.split ?? DEFAULT_SPLIT;
  const formats = normaliseFormats(data.formats);
  const total = await countDocuments(projectId, filter);
  if (total === 0) throw nothingMatches(filter);
  const created = await prisma().$transaction(async (tx) => {
    // Serialises version numbering per project (two managers clicking at once get 4 and 5).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`dataset:${projectId}`}))`;
    const last = await tx.datasetVersion.aggregate({ where: { projectId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const task = await tx.task.create({
      data: { projectId, kind: "EXPORT", total, createdById: user.id, result: { number } },
      select: { id: true },
    });
    const version = await tx.datasetVersion.create({
      data: {
        projectId,
        number,
        createdById: user.id,
        filter: filter as Prisma.InputJsonValue,
        split: split as Prisma.InputJsonValue,
        includeAnnotatorLayers: data.includeAnnotatorLayers ?? false,
        formats,
        taskId: task.id,
      },
      select: { id: true },
    });
    await tx.task.update({ where: { id: task.id }, data: { result: { number, versionId: version.id } } });
    await tx.auditEvent.create({
      data: { projectId, actorId: user.id, action: "dataset.create", after: { versionId: version.id, number, filter, split, includeAnnotatorLayers: data.includeAnnotatorLayers ?? false, formats, documents: total } },
    });
    return { versionId: version.id, number, taskId: task.id };
  });
  await enqueue("build-dataset", { taskId: created.taskId }, { projectId });
  const after = await prisma().datasetVersion.findUniqueOrThrow({ where: { id: created.versionId }, select: { status: true } });
  return { ...created, status: after.status };
}

/** How many documents a filter selects (what the form shows before a version is created). */
export async function countDatasetDocuments(user: AuthenticatedUser, projectId: string, input: unknown): Promise<DatasetCount> {
  await requireProjectPermission(user, projectId, "datasets.create");
  const data = parseOrThrow(datasetCountSchema, input ?? {});
  const filter = await resolveDatasetFilter(projectId, data.filter ?? {});
  return { documents: await countDocuments(projectId, filter), filter };
}
