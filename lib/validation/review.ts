import { checkGaps } from "@/lib/spans/span-gaps";
import { gapsSchema } from "./annotations";
import { z } from "./zod";

/** A gold annotation the reviewer writes themselves: a span (start/end) or a sentence label set. */
export const reviewAnnotationSchema = z
  .object({
    type: z.string().trim().min(1, "Type is required").max(50),
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    /** A discontinuous span's inner ranges (see the annotation API). */
    gaps: gapsSchema.nullable().optional(),
    sentenceIndex: z.number().int().min(0).optional(),
    attributes: z.record(z.string(), z.unknown()).default({}),
    speakerId: z.string().min(1).max(100).nullable().optional(),
  })
  .superRefine((value, ctx) => {
    const isSpan = value.start !== undefined || value.end !== undefined;
    if (isSpan && (value.start === undefined || value.end === undefined)) {
      ctx.addIssue({ code: "custom", path: [value.start === undefined ? "start" : "end"], message: "A span needs both start and end" });
    } else if (isSpan && value.sentenceIndex !== undefined) {
      ctx.addIssue({ code: "custom", path: ["sentenceIndex"], message: "Give either start/end (a span) or sentenceIndex (sentence labels), not both" });
    } else if (!isSpan && value.sentenceIndex === undefined) {
      ctx.addIssue({ code: "custom", path: ["start"], message: "Give start/end for a span or sentenceIndex for sentence labels" });
    } else if (isSpan && (value.end as number) <= (value.start as number)) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "end must be after start" });
    } else if (isSpan && value.gaps) {
      for (const [path, messages] of Object.entries(checkGaps(value.start as number, value.end as number, value.gaps)))
        ctx.addIssue({ code: "custom", path: path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: messages[0]! });
    } else if (!isSpan && value.gaps?.length) {
      ctx.addIssue({ code: "custom", path: ["gaps"], message: "Sentence labels have no gaps" });
    }
  })
  .meta({ id: "ReviewAnnotation" });

export const REVIEW_DECISIONS = ["accept", "edit", "reject", "add", "override"] as const;
export type ReviewDecisionKind = (typeof REVIEW_DECISIONS)[number];

export const reviewDecisionSchema = z
  .object({
    matchKey: z.string().trim().min(1, "matchKey is required").max(200),
    decision: z.enum(REVIEW_DECISIONS),
    annotatorAnnotationId: z.string().min(1).max(100).optional(),
    annotation: reviewAnnotationSchema.optional(),
    reason: z.string().trim().max(2000).optional(),
    /** The decision's version the reviewer saw; omit (or 0) when the match has no decision yet. */
    version: z.number().int().min(0).optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.decision === "reject" || value.decision === "override") && !value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: `A reason is required to ${value.decision}` });
    }
    if (value.decision === "accept" && !value.annotatorAnnotationId) {
      ctx.addIssue({ code: "custom", path: ["annotatorAnnotationId"], message: "Say which annotator's version to accept" });
    }
    if ((value.decision === "edit" || value.decision === "add") && !value.annotation) {
      ctx.addIssue({ code: "custom", path: ["annotation"], message: `The ${value.decision}ed annotation is required` });
    }
    if (value.decision === "override" && value.annotation && value.annotatorAnnotationId) {
      ctx.addIssue({ code: "custom", path: ["annotation"], message: "Give either an annotator's version or your own annotation, not both" });
    }
  })
  .meta({ id: "ReviewDecisionInput" });

export type ReviewDecisionInput = z.output<typeof reviewDecisionSchema>;
export type ReviewAnnotationInput = z.output<typeof reviewAnnotationSchema>;
