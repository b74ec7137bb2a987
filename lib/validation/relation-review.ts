import { z } from "./zod";

export const relationDecisionSchema = z
  .object({
    key: z.string({ error: "key is required" }).regex(/^relation:/, 'key is a relation match key ("relation:…")').max(400),
    decision: z.enum(["accept", "reject"], { error: 'decision is "accept" or "reject"' }),
    /** The decision version seen (0 or absent: none yet); stale → 409. */
    version: z.number().int().min(0).optional(),
  })
  .strict()
  .meta({ id: "RelationDecision" });

const end = z.object({ matchKey: z.string(), type: z.string(), start: z.number().int().nullable(), end: z.number().int().nullable(), text: z.string().nullable(), goldAnnotationId: z.string().nullable() });

export const relationMatchViewSchema = z.object({
  key: z.string(),
  type: z.string(),
  from: end,
  to: end,
  agreed: z.boolean(),
  annotators: z.array(z.string()),
  missingAnnotators: z.array(z.string()),
  decision: z.object({ decision: z.enum(["auto", "accept", "reject"]), reviewerId: z.string(), version: z.number().int() }).nullable(),
  goldRelationId: z.string().nullable(),
});

export const relationReviewSchema = z.object({ items: z.array(relationMatchViewSchema), f1: z.number().nullable() }).meta({ id: "RelationReview" });

export type RelationMatchView = z.infer<typeof relationMatchViewSchema>;
export type RelationReview = z.infer<typeof relationReviewSchema>;
