import { z } from "./zod";

// Query parameters of the corpus search and analytics APIs (and the Search tab's URL: the same
// names, so a search is a link). Unknown parameters are refused, so a typo never silently widens
// a search.

const STATES = ["ANNOTATING", "READY_FOR_REVIEW", "IN_REVIEW", "SIGNED_OFF"] as const;
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Not a calendar date");
/**
 * Without exactTotal, a search counts at most this many hits and its facets count those, so a
 * common word costs about what a rare one does (an exact count visits every hit).
 */
export const SEARCH_TOTAL_CAP = 1000;
const capText = SEARCH_TOTAL_CAP.toLocaleString("en");

const boolText = z.enum(["true", "false"], { message: "Use true or false" }).transform((v) => v === "true");

/** "-2", "1", or a range "-2..-1" of the stance scale −2 … +2. */
export const stanceRangeSchema = z
  .string()
  .regex(/^(-?[0-2])(\.\.(-?[0-2]))?$/, "Use a stance value from -2 to 2, or a range such as -2..-1")
  .transform((s) => {
    const [lo, hi] = s.split("..").map(Number) as [number, number | undefined];
    return { lo, hi: hi ?? lo };
  })
  .refine((r) => r.lo <= r.hi, "The range must go from the lower to the higher value");

export const layerParamSchema = z
  .string()
  .regex(/^(gold|any|user:[A-Za-z0-9_-]{1,64})$/, "Use gold, any or user:{userId}");

/** Filters shared by search and analytics. */
export const corpusFilterShape = {
  type: z.string().trim().min(1).max(64).optional(),
  speaker: z.string().trim().min(1).max(64).optional(),
  target: z.string().trim().min(1).max(200).optional(),
  stance: stanceRangeSchema.optional(),
  holder: z.string().optional(),
  layer: layerParamSchema.optional(),
  state: z.enum(STATES, { message: `Use one of ${STATES.join(", ")}` }).optional(),
  source: z.string().trim().min(1).max(300).optional(),
  language: z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$|^und$/, "Use a language code such as en or ru").optional(),
  from: date.optional(),
  to: date.optional(),
  boilerplate: boolText.optional(),
};

export const searchQuerySchema = z
  .object({
    q: z.string().max(10_000).optional(),
    mode: z.enum(["fulltext", "exact"], { message: "Use fulltext or exact" }).optional(),
    scope: z.enum(["sentences", "annotations"], { message: "Use sentences or annotations" }).optional(),
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number({ message: "Use a number" }).int("Use a whole number").min(1).max(200).optional(),
    exactTotal: boolText.optional().meta({ description: `true: count every hit (and facets over all of them) instead of stopping at ${capText}; costs time in proportion to the hits` }),
    ...corpusFilterShape,
  })
  .strict()
  .refine((v) => !(v.from && v.to) || v.from <= v.to, { message: "from must not be after to", path: ["from"] })
  .meta({ id: "SearchQuery" });
export type SearchQuery = z.output<typeof searchQuerySchema>;

const countSchema = z.object({ key: z.string(), label: z.string(), count: z.number().int() });

export const searchHitSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  sentenceIndex: z.number().int().nullable(),
  start: z.number().int().meta({ description: "Code point offset of the match in the document text" }),
  end: z.number().int(),
  snippet: z.object({ before: z.string(), match: z.string(), after: z.string() }).meta({ description: "The match with up to 80 code points of context on each side" }),
  annotation: z
    .object({
      id: z.string(),
      type: z.string(),
      layer: z.enum(["gold", "annotator"]),
      authorId: z.string(),
      speakerId: z.string().nullable(),
      speakerName: z.string().nullable(),
      attributes: z.record(z.string(), z.unknown()),
    })
    .optional(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z
  .object({
    total: z.number().int().meta({ description: `Hits counted: every hit with exactTotal=true, otherwise at most ${capText}` }),
    totalIsLowerBound: z.boolean().meta({ description: `true: counting stopped at the cap; there are more than total hits (show it as "${capText}+"), and the facets count the first ${capText} hits found` }),
    hits: z.array(searchHitSchema),
    facets: z.object({ type: z.array(countSchema), speaker: z.array(countSchema), target: z.array(countSchema), source: z.array(countSchema), language: z.array(countSchema) }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "SearchResult" });
export type SearchResult = z.infer<typeof searchResultSchema>;
export type FacetCount = z.infer<typeof countSchema>;

export const savedSearchInputSchema = z
  .object({
    name: z.string().trim().min(1, "Give the search a name").max(120, "At most 120 characters"),
    query: z.string().max(4000, "The search is too long to save").refine((q) => !q.startsWith("?"), "Without the leading ?"),
  })
  .strict()
  .meta({ id: "SavedSearchInput" });
export type SavedSearchInput = z.infer<typeof savedSearchInputSchema>;

export const savedSearchSchema = z.object({ id: z.string(), name: z.string(), query: z.string(), createdAt: z.string(), mine: z.boolean() });
export type SavedSearch = z.infer<typeof savedSearchSchema>;

export const annotateMatchesSchema = z
  .object({
    type: z.string().trim().min(1).max(64),
    attributes: z.record(z.string(), z.unknown()).optional(),
    matches: z
      .array(z.object({ documentId: z.string().min(1).max(64), start: z.number().int().min(0), end: z.number().int().min(1) }).refine((m) => m.start < m.end, "start must be before end"))
      .min(1, "Select at least one match")
      .max(200, "At most 200 matches at once"),
  })
  .strict()
  .meta({ id: "AnnotateMatches" });
export type AnnotateMatches = z.infer<typeof annotateMatchesSchema>;
