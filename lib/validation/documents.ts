import { z } from "./zod";

export const articleJsonSchema = z
  .object({
    title: z.string().max(1000).optional(),
    text: z.string(),
    source: z.string().max(1000).optional(),
    original_source: z.string().max(1000).optional(),
    author: z.string().max(1000).optional(),
    url: z.string().max(4000).optional(),
    published_at: z.string().max(100).optional(),
    language: z.string().max(20).optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .catchall(z.unknown())
  .meta({ id: "ArticleInput" });

export const importJsonBodySchema = z.union([articleJsonSchema, z.array(articleJsonSchema).min(1).max(1000)]).meta({ id: "ImportArticles" });

export const importResultSchema = z
  .object({
    name: z.string(),
    line: z.number().int().optional(),
    status: z.enum(["imported", "duplicate", "failed"]),
    id: z.string().optional(),
    existingId: z.string().optional(),
    title: z.string().optional(),
    sentenceCount: z.number().int().optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .meta({ id: "ImportResult" });

export const updateDocumentSchema = z
  .object({
    language: z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$|^und$/, "Use an ISO 639 code such as en, ru or und").optional(),
    title: z.string().trim().min(1, "Title is required").max(300).optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
  })
  .meta({ id: "UpdateDocument" });

export const sentenceKindSchema = z
  .object({ kind: z.enum(["content", "boilerplate"]) })
  .meta({ id: "SentenceKind" });

export const sentenceKindResultSchema = z
  .object({ index: z.number().int(), kind: z.enum(["content", "boilerplate"]) })
  .meta({ id: "SentenceKindResult" });

/** A document's correctable metadata after a PATCH. */
export const documentMetadataSchema = z
  .object({ language: z.string(), title: z.string(), tags: z.array(z.string()) })
  .meta({ id: "DocumentMetadata" });

export const importResponseSchema = z
  .object({ results: z.array(importResultSchema), imported: z.number().int(), duplicates: z.number().int(), failed: z.number().int() })
  .meta({ id: "ImportResponse" });

export const documentStateFilterSchema = z.enum(["ANNOTATING", "READY_FOR_REVIEW", "IN_REVIEW", "SIGNED_OFF"]);

export type ImportResult = z.infer<typeof importResultSchema>;

const pageLimit = (fallback: number) =>
  z
    .string()
    .regex(/^\d{1,3}$/, "limit must be an integer from 1 to 500")
    .transform(Number)
    .pipe(z.number().int().min(1, "limit must be an integer from 1 to 500").max(500, "limit must be an integer from 1 to 500"))
    .optional()
    .transform((n) => n ?? fallback);

/** `GET /projects/{id}/documents` query: `limit`, `state` (any case), `cursor` from the previous page. */
export const documentListQuerySchema = z.object({
  limit: pageLimit(50),
  state: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(documentStateFilterSchema.options, { error: "state must be one of annotating, ready_for_review, in_review, signed_off" }))
    .optional(),
  cursor: z.string().max(512, "the cursor is not valid").optional(),
});

/** `GET /documents/{id}/history` query: `limit`, `before` (an event id from the previous page). */
export const documentHistoryQuerySchema = z.object({
  limit: pageLimit(100),
  before: z.string().regex(/^\d{1,19}$/, "before must be an event id from a previous page").optional(),
});
