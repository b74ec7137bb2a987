import { z } from "./zod";

export const SUGGESTER_KINDS = ["editorial", "quote", "claim"] as const;
export type SuggesterKindName = (typeof SUGGESTER_KINDS)[number];

export const suggestionDecisionSchema = z
  .object({ decision: z.enum(["accepted", "rejected"], { error: 'decision must be "accepted" or "rejected"' }) })
  .meta({ id: "SuggestionDecision" });

export const MAX_DOCUMENTS_PER_RUN = 500;

export const runSuggestionsSchema = z
  .object({
    documentIds: z
      .array(z.string().trim().min(1, "A document id cannot be empty").max(100))
      .min(1, "Choose at least one document")
      .max(MAX_DOCUMENTS_PER_RUN, `At most ${MAX_DOCUMENTS_PER_RUN} documents per run`),
  })
  .meta({ id: "RunSuggestions" });

export const suggesterSettingsSchema = z
  .object({ editorial: z.boolean(), quote: z.boolean(), claim: z.boolean() })
  .meta({ id: "SuggesterSettings" });

export const suggestionDtoSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    start: z.number().int().meta({ description: "Code point offset (inclusive)" }),
    end: z.number().int().meta({ description: "Code point offset (exclusive)" }),
    text: z.string(),
    attributes: z.record(z.string(), z.unknown()),
    speakerName: z.string().nullable(),
    entityId: z.string().nullable(),
    rule: z.string(),
    suggester: z.string(),
    status: z.enum(["PENDING", "ACCEPTED", "REJECTED"]),
    confidence: z.number().min(0).max(1).meta({
      description: "0–1: the rule's precision calibrated on the development corpus (an external suggester's score), lowered when reviewers keep rejecting the rule",
    }),
  })
  .meta({ id: "Suggestion" });

/** A project's suggestion threshold: suggestions below it are hidden in the annotator and the API. */
export const suggestionThresholdSchema = z
  .number({ error: "The threshold must be a number between 0 and 1" })
  .min(0, "The threshold must be between 0 and 1")
  .max(1, "The threshold must be between 0 and 1");

/** `GET …/suggestions?minConfidence=` — overrides the project's threshold for one request. */
export const suggestionListQuerySchema = z.object({
  minConfidence: z
    .string()
    .trim()
    .min(1, "minConfidence must be a number between 0 and 1")
    .pipe(z.coerce.number({ error: "minConfidence must be a number between 0 and 1" }))
    .pipe(suggestionThresholdSchema)
    .optional(),
});

/** One suggestion as the API and the annotator page see it. */
export type SuggestionDto = z.infer<typeof suggestionDtoSchema>;
export type RunSuggestionsInput = z.infer<typeof runSuggestionsSchema>;
export type SuggesterSettingsInput = z.infer<typeof suggesterSettingsSchema>;
