import { z } from "./zod";
import { idSchema } from "./ids";

// The agreement API: the cached project report with its freshness and the running recompute.

/** POST body: nothing to choose yet (the whole project is recomputed); unknown keys are refused. */
export const startAgreementRunSchema = z.object({}).strict().meta({ id: "StartAgreementRun" });

const precisionRecallSchema = z.object({
  precision: z.number().nullable(),
  recall: z.number().nullable(),
  f1: z.number().nullable(),
  tp: z.number().int(),
  fp: z.number().int(),
  fn: z.number().int(),
});
const spanAgreementResultSchema = z.object({ overall: precisionRecallSchema, byType: z.record(z.string(), precisionRecallSchema) });

export const agreementReportSchema = z
  .object({
    projectId: z.string(),
    documentId: z.string().nullable().meta({ description: "Set when the report covers one document (?documentId=)" }),
    documents: z.number().int().meta({ description: "Documents with annotator work" }),
    doubleAnnotatedDocuments: z.number().int().meta({ description: "Documents with annotations from at least two annotators" }),
    annotators: z.array(z.object({ id: z.string(), name: z.string() })),
    attributes: z.record(
      z.string(),
      z.object({
        alpha: z.object({ nominal: z.number().nullable(), ordinal: z.number().nullable(), interval: z.number().nullable() }),
        units: z.number().int(),
        pairable: z.number().int(),
        scale: z.enum(["numeric", "nominal"]),
      }),
    ).meta({ description: "Krippendorff's alpha per attribute key (keys sorted)" }),
    kappa: z
      .object({ key: z.string(), annotators: z.array(z.string()), matrix: z.array(z.array(z.number().nullable())), n: z.array(z.array(z.number().int())) })
      .nullable()
      .meta({ description: "Cohen's kappa per annotator pair on one sentence-level key" }),
    spans: z.array(z.object({ reference: z.string(), other: z.string(), documents: z.number().int(), exact: spanAgreementResultSchema, overlap: spanAgreementResultSchema })),
    perAnnotator: z.array(
      z.object({
        annotatorId: z.string(),
        documents: z.number().int(),
        annotations: z.record(z.string(), z.number().int()),
        meanPairwiseF1: z.object({ exact: z.number().nullable(), overlap: z.number().nullable() }),
      }),
    ),
    spanF1ByType: z.object({ exact: spanAgreementResultSchema, overlap: spanAgreementResultSchema }),
    relationF1: z
      .object({ truePositives: z.number().int(), relations: z.number().int(), f1: z.number().nullable() })
      .optional()
      .meta({ description: "Pairwise relation F1: a relation agrees when its type and both ends (matched as spans) agree" }),
  })
  .meta({ id: "AgreementReport" });

export const agreementTaskSchema = z
  .object({
    id: z.string(),
    status: z.enum(["QUEUED", "RUNNING", "DONE", "FAILED"]),
    done: z.number().int().meta({ description: "Documents processed so far" }),
    total: z.number().int().meta({ description: "Documents with annotator work when the run started" }),
    error: z.string().nullable(),
    createdAt: z.string().meta({ description: "ISO 8601" }),
  })
  .meta({ id: "AgreementTask" });

export const agreementOverviewSchema = z
  .object({
    scope: z.enum(["project", "document"]).meta({ description: "document: ?documentId= was given and the report was computed live" }),
    // Unions with null rather than `.nullable()`: the OpenAPI generator drops the $ref of a described
    // `.nullable()` and repeats the whole schema inline.
    result: z.union([agreementReportSchema, z.null()]).meta({ description: "The last computed report; null before the first run finishes" }),
    freshness: z.object({
      state: z.enum(["fresh", "stale", "missing"]).meta({ description: "stale: annotations or assignments changed since computedAt; missing: never computed" }),
      computedAt: z.string().nullable().meta({ description: "ISO 8601; when the run that produced `result` finished" }),
      changesSince: z.number().int().meta({ description: "Relevant changes since the result (annotations of annotator layers, assignments, deletions, speaker merges), counted up to changesSinceCap" }),
      changesSinceCap: z.number().int(),
    }),
    task: z
      .union([agreementTaskSchema, z.null()])
      .meta({ description: "The queued or running recompute (poll GET /api/v1/tasks/{id}), or the last one if it failed after the cached result" }),
  })
  .meta({ id: "AgreementOverview" });

export const agreementRunQueuedSchema = z
  .object({
    taskId: z.string(),
    created: z.boolean().meta({ description: "false: a recompute was already queued or running and this is it" }),
  })
  .meta({ id: "AgreementRunQueued" });

export type AgreementReportDto = z.infer<typeof agreementReportSchema>;
export type AgreementOverview = z.infer<typeof agreementOverviewSchema>;
export type AgreementTaskDto = z.infer<typeof agreementTaskSchema>;
export type AgreementRunQueued = z.infer<typeof agreementRunQueuedSchema>;

/** `GET /projects/{id}/agreement` query: `documentId` computes one document live. */
export const agreementQuerySchema = z.object({ documentId: idSchema.optional() });
