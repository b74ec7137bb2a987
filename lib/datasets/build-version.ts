import "server-only";
import { labelSchemaOf } from "@/lib/schema/label-schema-of";
import { AgreementAccumulator } from "@/lib/agreement/agreement-report";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createWriters } from "@/lib/export/all-formats";
import { buildManifest, createManifestCounter, manifestJson } from "@/lib/export/manifest";
import { prepareDocument } from "@/lib/export/prepare";
import { assignSplit } from "@/lib/export/split";
import type { JsonValue } from "@/lib/export/json";
import type { ExportContext, FormatWriter } from "@/lib/export/types";
import { projectSettingsOf } from "@/lib/projects/settings";
import { DEFAULT_SPLIT, EXPORT_FORMATS, normaliseFormats, type DatasetFilter, type DatasetSplit, type ExportFormat } from "@/lib/validation/datasets";
import { agreementFigures } from "./agreement-figures";
import { BuildClock } from "./build-clock";
import { DiffTracker, FINGERPRINT_FILE, INTERNAL_FORMAT, fingerprintLines, parseFingerprints, type DatasetDiff } from "./diff";
import { DatasetFileStore, storeWholeFile } from "./file-store";
import { toExportRelations } from "@/lib/relations/export-relations";
import { readDocumentBatches, type DocumentBatch } from "./read-documents";
import { storeVersionZip } from "./stored-zip";
import { readFileLines } from "./read-chunks";
import { toExportDocument, toLayerAnnotations } from "./to-export";

export const MANIFEST_FILE = "manifest.json";

export type BuildOptions = {
  /** Defaults to the version's chosen formats. */
  writers?: FormatWriter[];
  /** Called after each batch with the number of documents written so far. */
  onProgress?: (done: number) => Promise<void>;
  /** Charged with the time of each phase of the build. */
  clock?: BuildClock;
};

/** Waits for every write (none is left running when the caller cleans up), then throws the first failure. */
async function allSettled(writes: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(writes)).find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}

/** Fingerprints of the latest finished version before `number`, or null for the first one. */
async function previousFingerprints(projectId: string, number: number): Promise<{ map: Map<string, string>; number: number } | null> {
  const previous = await prisma().datasetVersion.findFirst({
    where: { projectId, number: { lt: number }, status: "DONE" },
    orderBy: { number: "desc" },
    select: { id: true, number: true, files: { where: { name: FINGERPRINT_FILE }, select: { id: true } } },
  });
  const file = previous?.files[0];
  if (!previous || !file) return null;
  return { map: await parseFingerprints(readFileLines(file.id)), number: previous.number };
}

const VERSION_SELECT = {
  id: true,
  projectId: true,
  number: true,
  createdAt: true,
  createdById: true,
  filter: true,
  split: true,
  includeAnnotatorLayers: true,
  formats: true,
} satisfies Prisma.DatasetVersionSelect;

type VersionRow = Prisma.DatasetVersionGetPayload<{ select: typeof VERSION_SELECT }>;

/**
 * Writes every file of a dataset version from the database, one batch of documents at a time:
 * each document goes through all format writers, the manifest counter, the agreement
 * accumulator and the diff against the previous version. Safe to re-run: earlier partial
 * output of the version is deleted first.
 */
export async function buildVersionFiles(versionId: string, options: BuildOptions = {}): Promise<{ manifest: JsonValue; diff: DatasetDiff }> {
  const clock = options.clock ?? new BuildClock();
  const version = await prisma().datasetVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: VERSION_SELECT,
  });
  // The first batch of rows is read while the rest is set up: the setup queries, the previous
  // version's fingerprints and deleting earlier partial output all run at the same time.
  const batches = readDocumentBatches(version.projectId, version.filter as DatasetFilter);
  const first = batches.next();
  first.catch(() => undefined);
  try {
    return await buildFrom(version, first, batches, options, clock);
  } finally {
    // Ends the reader (and waits for a read still under way) if the build stopped early.
    await batches.return(undefined).catch(() => undefined);
  }
}

async function buildFrom(
  version: VersionRow,
  first: Promise<IteratorResult<DocumentBatch>>,
  batches: AsyncGenerator<DocumentBatch>,
  options: BuildOptions,
  clock: BuildClock,
): Promise<{ manifest: JsonValue; diff: DatasetDiff }> {
  const versionId = version.id;
  const setup = [
    prisma().project.findUniqueOrThrow({ where: { id: version.projectId }, select: { name: true, labelSchema: true, schemaVersion: true, settings: true } }),
    prisma().user.findUnique({ where: { id: version.createdById }, select: { email: true, name: true } }),
    prisma().datasetFile.deleteMany({ where: { datasetVersionId: versionId } }),
    previousFingerprints(version.projectId, version.number),
  ] as const;
  await allSettled([...setup]);
  const [project, creator, , previous] = await Promise.all(setup);
  const filter = version.filter as DatasetFilter;
  const split = (version.split as DatasetSplit | null) ?? DEFAULT_SPLIT;
  const ratios = { train: split.train, validation: split.validation, test: split.test };
  const schema = labelSchemaOf(project.labelSchema);
  const settings = projectSettingsOf(project.settings);
  const ctx: ExportContext = {
    projectName: project.name,
    datasetVersion: version.number,
    createdAt: version.createdAt.toISOString(),
    schema,
    license: settings.license.trim() || null,
    sourceDescription: settings.sourceDescription.trim() || null,
    // Retired targets stay listed: older annotations may still use them.
    stanceTargets: [...new Set((schema.stanceTargets ?? []).map((t) => t.name))],
  };
  const spanTypes = filter.spanTypes?.length ? new Set(filter.spanTypes) : null;

  clock.mark("setup");
  const diff = new DiffTracker(previous?.map ?? null, previous?.number ?? null);
  const formats = normaliseFormats(version.formats as ExportFormat[]);
  const writers = options.writers ?? createWriters(formats);
  const store = new DatasetFileStore(versionId);
  const counter = createManifestCounter();
  const agreement = new AgreementAccumulator();

  for (const w of writers) store.add(w.format, w.begin(ctx));
  let done = 0;
  // One big write (COPY of ~8 MB) in flight while the next documents are rendered; chunks keep
  // their order (seq is assigned when a chunk is cut) and a failed write surfaces at the next await.
  let flushing: Promise<void> = Promise.resolve();
  for (let next = await first; !next.done; next = await batches.next()) {
    const batch = next.value;
    clock.mark("readWait");
    for (const row of batch.documents) {
      const rows = batch.annotations.get(row.id) ?? [];
      const annotators = batch.annotators.get(row.id) ?? [];
      const doc = toExportDocument(row, batch.sentences.get(row.id), rows, {
        split: assignSplit(row.id, split.seed, ratios),
        includeAnnotatorLayers: version.includeAnnotatorLayers,
        spanTypes,
        annotators,
        schemaVersion: project.schemaVersion,
      });
      doc.relations = toExportRelations(doc.spans, batch.relations.get(row.id) ?? []);
      for (const w of writers) store.add(w.format, w.document(doc));
      counter.add(doc);
      const fingerprints = fingerprintLines(prepareDocument(doc));
      store.add(INTERNAL_FORMAT, [{ path: FINGERPRINT_FILE, data: fingerprints }]);
      diff.add(fingerprints);
      const layers = toLayerAnnotations(rows);
      if (layers.length > 0) agreement.addDocument(layers, { annotators });
      done++;
      if (store.full) {
        clock.mark("render");
        await flushing;
        clock.mark("flushWait");
        flushing = store.flush();
        flushing.catch(() => undefined);
      }
    }
    clock.mark("render");
    await options.onProgress?.(done);
    clock.mark("progress");
  }
  await flushing;
  clock.mark("flushWait");
  const figures = agreementFigures(agreement.result());
  for (const w of writers) store.add(w.format, w.end({ agreement: figures }));
  clock.mark("render");
  const files = store.close().filter((f) => f.name !== FINGERPRINT_FILE);

  const manifest = buildManifest({
    ctx,
    createdBy: creator ? `${creator.name} <${creator.email}>` : version.createdById,
    filter: { filter, split, include_annotator_layers: version.includeAnnotatorLayers },
    counts: counter.counts(),
    agreement: figures,
    files,
    formatsOnRequest: EXPORT_FORMATS.filter((f) => !formats.includes(f)),
  });
  const manifestBody = manifestJson(manifest);
  clock.mark("manifest");
  // Files are stored deflated, so the zip is assembled from them at download; only a version with
  // files stored as they are (too many small ones to hold) gets its zip written now, as before.
  const finished = store.finish();
  await allSettled([finished, storeWholeFile(versionId, MANIFEST_FILE, "manifest", manifestBody)]);
  clock.mark("store");
  if ((await finished).some((f) => f.format !== INTERNAL_FORMAT && f.encoding !== "deflate")) {
    await storeVersionZip(versionId);
    clock.mark("zip");
  }
  return { manifest, diff: diff.result() };
}
