import { z } from "./zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, "Use a date such as 2024-05-31");
const ratio = z.number({ error: "Enter a number between 0 and 1" }).min(0, "At least 0").max(1, "At most 1");

/** Document states a dataset can be cut from; without `states` only signed-off documents are exported. */
export const DATASET_DOCUMENT_STATES = ["ANNOTATING", "READY_FOR_REVIEW", "IN_REVIEW", "SIGNED_OFF"] as const;
export const DEFAULT_DATASET_STATES: (typeof DATASET_DOCUMENT_STATES)[number][] = ["SIGNED_OFF"];

type DateBounds = { [k in "publishedFrom" | "publishedTo" | "importedFrom" | "importedTo" | "signedOffFrom" | "signedOffTo"]?: string };
const inOrder = (from?: string, to?: string) => !from || !to || from <= to;
const endBeforeStart = (path: keyof DateBounds) => ({ error: "The end date is before the start date", path: [path] });

const datasetFilterObject = z
  .object({
    documentIds: z.array(z.string().trim().min(1).max(100)).max(10_000, "At most 10,000 documents").optional(),
    /** Document states to include (any of); absent means signed-off documents only. */
    states: z
      .array(z.enum(DATASET_DOCUMENT_STATES, { error: `Unknown state; use one of ${DATASET_DOCUMENT_STATES.join(", ")}` }))
      .min(1, "Choose at least one state")
      .max(DATASET_DOCUMENT_STATES.length)
      .optional(),
    /** Documents with an annotator assignment of any of these users (user ids). */
    annotatorIds: z.array(z.string().trim().min(1).max(100)).max(200, "At most 200 annotators").optional(),
    /** Case-insensitive substring of the document title. */
    titleContains: z.string().trim().min(1, "Enter some text or leave it empty").max(200, "At most 200 characters").optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
    /** Inclusive bounds on the article's published date (UTC days). */
    publishedFrom: isoDate.optional(),
    publishedTo: isoDate.optional(),
    /** Inclusive bounds on the import date (UTC days). */
    importedFrom: isoDate.optional(),
    importedTo: isoDate.optional(),
    /** Inclusive bounds on the sign-off date (UTC days); documents not signed off never match. */
    signedOffFrom: isoDate.optional(),
    signedOffTo: isoDate.optional(),
    /** Span types to keep; absent or empty keeps every type. */
    spanTypes: z.array(z.string().regex(/^\S{1,50}$/u, "Not a span type")).max(50).optional(),
  })
  .strict();

export const datasetFilterSchema = datasetFilterObject
  .refine((f: DateBounds) => inOrder(f.publishedFrom, f.publishedTo), endBeforeStart("publishedTo"))
  .refine((f: DateBounds) => inOrder(f.importedFrom, f.importedTo), endBeforeStart("importedTo"))
  .refine((f: DateBounds) => inOrder(f.signedOffFrom, f.signedOffTo), endBeforeStart("signedOffTo"))
  .meta({ id: "DatasetFilter" });

/** `POST …/datasets/count`: how many documents a filter selects, before creating a version. */
export const datasetCountSchema = z.object({ filter: datasetFilterSchema.optional() }).strict().meta({ id: "DatasetCountRequest" });
export const datasetCountResponseSchema = z
  .object({ documents: z.number().int(), filter: z.record(z.string(), z.unknown()) })
  .meta({ id: "DatasetCount" });
export type DatasetCount = z.infer<typeof datasetCountResponseSchema>;

export const datasetSplitSchema = z
  .object({
    train: ratio,
    validation: ratio,
    test: ratio,
    seed: z.string().trim().min(1, "A seed is required").max(100),
  })
  .strict()
  .refine((s) => Math.abs(s.train + s.validation + s.test - 1) < 1e-6, { error: "Train, validation and test must add up to 1", path: ["test"] })
  .meta({ id: "DatasetSplit" });

export const DEFAULT_SPLIT = { train: 0.8, validation: 0.1, test: 0.1, seed: "stancebench" };

/** Every export format, in the order writers run and formats are listed. */
export const EXPORT_FORMATS = [
  "native-jsonl",
  "spans-jsonl",
  "sentences-csv",
  "spans-csv",
  "brat",
  "attribution",
  "stance-tsv",
  "checkworthy-tsv",
  "semeval2020",
  "huggingface",
  "label-studio",
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Built with every version unless the request names others; the rest are built at first download. */
export const DEFAULT_FORMATS: ExportFormat[] = ["native-jsonl", "sentences-csv", "spans-csv"];

/** Native JSONL is always built: it is lossless, and formats asked for later are built from it. */
export function normaliseFormats(formats: readonly ExportFormat[] | undefined): ExportFormat[] {
  const chosen = new Set<ExportFormat>(formats ?? DEFAULT_FORMATS);
  chosen.add("native-jsonl");
  return EXPORT_FORMATS.filter((f) => chosen.has(f));
}

export const exportFormatSchema = z.enum(EXPORT_FORMATS, { error: `Unknown format; use one of ${EXPORT_FORMATS.join(", ")}` }).meta({ id: "ExportFormat" });

/** `…/datasets/{version}/formats/{format}` while a later format is being built (202) or once built. */
export const datasetFormatRequestSchema = z
  .object({ taskId: z.string().nullable(), format: exportFormatSchema, status: z.enum(["QUEUED", "RUNNING", "DONE", "FAILED"]) })
  .meta({ id: "DatasetFormatRequest" });

export const createDatasetSchema = z
  .object({
    filter: datasetFilterSchema.optional(),
    includeAnnotatorLayers: z.boolean().optional(),
    split: datasetSplitSchema.optional(),
    /** Formats built with the version (native JSONL is always added); default native JSONL + both CSVs. */
    formats: z.array(exportFormatSchema).max(EXPORT_FORMATS.length).optional(),
  })
  .strict()
  .meta({ id: "CreateDataset" });

export type DatasetFilter = z.output<typeof datasetFilterSchema>;
export type DatasetSplit = z.output<typeof datasetSplitSchema>;
export type CreateDatasetInput = z.output<typeof createDatasetSchema>;

export const datasetFileSchema = z
  .object({ name: z.string(), format: z.string(), bytes: z.number().int(), sha256: z.string() })
  .meta({ id: "DatasetFile" });

const changeCounts = z.object({ added: z.number().int(), changed: z.number().int(), removed: z.number().int() });
export const datasetDiffSchema = z
  .object({ previousVersion: z.number().int().nullable(), documents: changeCounts, annotations: changeCounts })
  .meta({ id: "DatasetDiff" });

export const datasetVersionSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    status: z.enum(["QUEUED", "RUNNING", "DONE", "FAILED"]),
    createdAt: z.string(),
    createdBy: z.string(),
    taskId: z.string().nullable(),
    includeAnnotatorLayers: z.boolean(),
    filter: z.record(z.string(), z.unknown()),
    split: datasetSplitSchema.nullable(),
    counts: z.object({ documents: z.number().int(), sentences: z.number().int(), spansByType: z.record(z.string(), z.number().int()) }).nullable(),
    diff: datasetDiffSchema.nullable(),
    /** Built with the version: in its manifest and zip. */
    formats: z.array(exportFormatSchema),
    /** Built at first request and stored since (not in the manifest or the zip). */
    laterFormats: z.array(exportFormatSchema),
  })
  .meta({ id: "DatasetVersion" });

// An intersection rather than `.extend`: the OpenAPI document then shows it as DatasetVersion plus these
// fields (allOf with a $ref), which plain zod metadata cannot express for an extended object.
export const datasetManifestSchema = z
  .intersection(
    datasetVersionSchema,
    z.object({ manifest: z.record(z.string(), z.unknown()).nullable(), files: z.array(datasetFileSchema), zip: z.string() }),
  )
  .meta({ id: "DatasetVersionDetail" });
