import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { DatasetSplit, ExportFormat } from "@/lib/validation/datasets";
import { FINGERPRINT_FILE, INTERNAL_FORMAT, type DatasetDiff } from "./diff";

const versionSelect = {
  id: true,
  number: true,
  status: true,
  createdAt: true,
  taskId: true,
  includeAnnotatorLayers: true,
  filter: true,
  split: true,
  manifest: true,
  createdById: true,
  formats: true,
  laterFormats: true,
} as const;

type StoredManifest = {
  created_by?: string;
  counts?: { documents?: number; sentences?: number; spans_by_type?: Record<string, number> };
  diff?: DatasetDiff;
};

type VersionRow = {
  id: string;
  number: number;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  createdAt: Date;
  taskId: string | null;
  includeAnnotatorLayers: boolean;
  filter: unknown;
  split: unknown;
  manifest: unknown;
  createdById: string;
  formats: string[];
  laterFormats: string[];
};

function toDto(v: VersionRow, creators: Map<string, string>) {
  const m = (v.manifest ?? null) as StoredManifest | null;
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    createdAt: v.createdAt.toISOString(),
    createdBy: m?.created_by ?? creators.get(v.createdById) ?? "",
    taskId: v.taskId,
    includeAnnotatorLayers: v.includeAnnotatorLayers,
    filter: (v.filter ?? {}) as Record<string, unknown>,
    split: (v.split ?? null) as DatasetSplit | null,
    counts: m?.counts
      ? { documents: m.counts.documents ?? 0, sentences: m.counts.sentences ?? 0, spansByType: m.counts.spans_by_type ?? {} }
      : null,
    diff: m?.diff ?? null,
    formats: v.formats as ExportFormat[],
    laterFormats: v.laterFormats as ExportFormat[],
  };
}

export type DatasetVersionDto = ReturnType<typeof toDto>;

async function creatorNames(ids: string[]): Promise<Map<string, string>> {
  const users = await prisma().user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, `${u.name} <${u.email}>`]));
}

/** Versions of a project, newest first, with counts and the diff against the previous version. */
export async function listDatasetVersions(user: AuthenticatedUser, projectId: string): Promise<DatasetVersionDto[]> {
  await requireProjectPermission(user, projectId, "datasets.view");
  const versions = await prisma().datasetVersion.findMany({ where: { projectId }, orderBy: { number: "desc" }, select: versionSelect });
  const creators = await creatorNames(versions.map((v) => v.createdById));
  return versions.map((v) => toDto(v, creators));
}

/** A version by number ("3") or id, scoped to the project; unknown → 404. */
export async function findVersion(projectId: string, ref: string) {
  const where = /^\d{1,9}$/u.test(ref) ? { projectId, number: Number(ref) } : { projectId, id: ref };
  const version = await prisma().datasetVersion.findFirst({ where, select: versionSelect });
  if (!version) throw new AppError("not_found", "Dataset version not found.");
  return version;
}

/** One version with its manifest and the name, format, size and SHA-256 of every file. */
export async function getDatasetVersion(user: AuthenticatedUser, projectId: string, ref: string) {
  await requireProjectPermission(user, projectId, "datasets.view");
  const version = await findVersion(projectId, ref);
  const [files, creators] = await Promise.all([
    prisma().datasetFile.findMany({
      where: { datasetVersionId: version.id, name: { not: FINGERPRINT_FILE }, format: { not: INTERNAL_FORMAT } },
      orderBy: { name: "asc" },
      select: { name: true, format: true, bytes: true, sha256: true },
    }),
    creatorNames([version.createdById]),
  ]);
  const manifest = (version.manifest ?? null) as Record<string, unknown> | null;
  return {
    ...toDto(version, creators),
    manifest,
    // The manifest file itself is listed too, so every downloadable file has its hash here.
    files: files.map((f) => ({ name: f.name, format: f.format, bytes: Number(f.bytes), sha256: f.sha256 })),
    zip: `/api/v1/projects/${projectId}/datasets/${version.number}/zip`,
  };
}
