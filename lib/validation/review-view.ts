import { annotationDtoSchema } from "./annotations";
import { documentStateSchema } from "./assignment";
import { z } from "./zod";

// Response shapes of the review endpoints: the server's types and the review page's are both
// inferred from these (lib/review/review-types.ts), and the browser client checks answers against them.

/** An annotation as the review shows it: the API's annotation without its document and change time. */
export const reviewAnnotationViewSchema = annotationDtoSchema.omit({ documentId: true, updatedAt: true }).meta({ id: "ReviewAnnotationView" });

export const reviewDecisionViewSchema = z
  .object({
    matchKey: z.string(),
    decision: z.enum(["auto", "accept", "edit", "reject", "add", "override"]),
    reason: z.string().nullable(),
    reviewerId: z.string(),
    goldAnnotationId: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: "ReviewDecisionView" });

export const reviewMatchViewSchema = z
  .object({
    key: z.string(),
    kind: z.enum(["span", "sentence"]),
    /** "annotators": a group of annotator versions; "reviewer": a decision whose match is gone or was added by the reviewer. */
    source: z.enum(["annotators", "reviewer"]),
    type: z.string(),
    start: z.number().int().nullable(),
    end: z.number().int().nullable(),
    sentenceIndex: z.number().int().nullable(),
    agreed: z.boolean(),
    /** "boundaries", "missing", "attribute:<name>" (see lib/review/match-spans.ts). */
    differences: z.array(z.string()),
    missingAnnotators: z.array(z.string()),
    /** One version per annotator who marked it, sorted by annotator id. */
    versions: z.array(reviewAnnotationViewSchema),
    decision: reviewDecisionViewSchema.nullable(),
    gold: reviewAnnotationViewSchema.nullable(),
    /** A disagreement with no decision yet: blocks sign-off. */
    open: z.boolean(),
  })
  .meta({ id: "ReviewMatch" });

export const reviewViewSchema = z
  .object({
    document: z.object({
      id: z.string(),
      projectId: z.string(),
      title: z.string(),
      state: documentStateSchema,
      version: z.number().int(),
      signedOffAt: z.string().nullable(),
      signedOffById: z.string().nullable(),
    }),
    annotators: z.array(z.object({ id: z.string(), name: z.string() })),
    preAcceptAgreed: z.boolean(),
    matches: z.array(reviewMatchViewSchema),
    gold: z.array(reviewAnnotationViewSchema),
    counts: z.object({ matches: z.number().int(), agreed: z.number().int(), disagreements: z.number().int(), open: z.number().int(), decided: z.number().int() }),
  })
  .meta({ id: "Review" });

export const startReviewResultSchema = z.object({ state: z.literal("IN_REVIEW"), early: z.boolean(), autoAccepted: z.number().int() }).meta({ id: "ReviewStarted" });

export const signOffResultSchema = z
  .object({ state: z.literal("SIGNED_OFF"), signedOffAt: z.string(), signedOffById: z.string(), gold: z.number().int() })
  .meta({ id: "SignedOff" });

export const recordDecisionResultSchema = z
  .object({ decision: reviewDecisionViewSchema, gold: z.object({ id: z.string() }).nullable() })
  .meta({ id: "ReviewDecisionRecorded" });

/** One entry of a refused sign-off's `details.open`: a disagreement still without a decision. */
export const openMatchSchema = z.object({
  matchKey: z.string(),
  kind: z.string(),
  type: z.string(),
  start: z.number().nullable(),
  end: z.number().nullable(),
  sentenceIndex: z.number().nullable(),
  differences: z.array(z.string()),
});
