import { z } from "./zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, "Use a date such as 2024-05-31");
const ratio = z.number({ error: "Enter a number between 0 and 1" }).min(0, "At least 0").max(1, "At most 1");

export const datasetFilterSchema = z
  .object({
    documentIds: z.array(z.string().trim().min(1).max(100)).max(10_000, "At most 10,000 documents").optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
    /** Inclusive bounds on the article's published date (UTC days). */
    publishedFrom: isoDate.optional(),
    publishedTo: isoDate.optional(),
    /** Span types to keep; absent or empty keeps every type. */
    spanTypes: z.array(z.string().regex(/^\S{1,50}$/u, "Not a span type")).max(50).optional(),
  })
  .strict()
  .refine((f) => !f.publishedFrom || !f.publishedTo || f.publishedFrom <= f.publishedTo, {
    error: "The end date is before the start date",
    path: ["publishedTo"],
  })
  .openapi("DatasetFilter");

export const datasetSplitSchema = z
  .object({
    train: ratio,
    validation: ratio,
    test: ratio,
    seed: z.string().trim().min(1, "A seed is required").max(100),
  })
  .strict()
  .refine((s) => Math.abs(s.train + s.validation + s.test - 1) < 1e-6, { error: "Train, validation and test must add up to 1", path: ["test"] })
  .openapi("DatasetSplit");

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

export const exportFormatSchema = z.enum(EXPORT_FORMATS, { error: `Unknown format; use one of ${EXPORT_FORMATS.join(", ")}` }).openapi("ExportFormat");

export const createDatasetSchema = z
  .object({
    filter: datasetFilterSchema.optional(),
    includeAnnotatorLayers: z.boolean().optional(),
    split: datasetSplitSchema.optional(),
    /** Formats built with the version (native JSONL is always added); default native JSONL + both CSVs. */
    formats: z.array(exportFormatSchema).max(EXPORT_FORMATS.length).optional(),
  })
  .strict()
  .openapi("CreateDataset");

export type DatasetFilter = z.output<typeof datasetFilterSchema>;
export type DatasetSplit = z.output<typeof datasetSplitSchema>;
export type CreateDatasetInput = z.output<typeof createDatasetSchema>;

export const datasetFileSchema = z
  .object({ name: z.string(), format: z.string(), bytes: z.number().int(), sha256: z.string() })
  .openapi("DatasetFile");

const changeCounts = z.object({ added: z.number().int(), changed: z.number().int(), removed: z.number().int() });
export const datasetDiffSchema = z
  .object({ previousVersion: z.number().int().nullable(), documents: changeCounts, annotations: changeCounts })
  .openapi("DatasetDiff");

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
  .openapi("DatasetVersion");

export const datasetManifestSchema = datasetVersionSchema
  .extend({ manifest: z.record(z.string(), z.unknown()).nullable(), files: z.array(datasetFileSchema), zip: z.string() })
  .openapi("DatasetVersionDetail");
