import { corpusFilterShape } from "./search";
import { z } from "./zod";

// Query parameters of GET /api/v1/projects/{id}/analytics/{view}: the search filters, plus how to
// group (stance), the period (timeline) and the output format.

export const ANALYTICS_VIEWS = ["stance", "speakers", "outlets", "timeline"] as const;
export type AnalyticsView = (typeof ANALYTICS_VIEWS)[number];
export const STANCE_GROUPS = ["target", "source", "speaker", "holder", "month", "type"] as const;
export type StanceGroup = Exclude<(typeof STANCE_GROUPS)[number], "holder">;

export const analyticsQuerySchema = z
  .object({
    ...corpusFilterShape,
    groupBy: z
      .string()
      .transform((s) => s.split(",").map((g) => g.trim()).filter(Boolean))
      .pipe(z.array(z.enum(STANCE_GROUPS, { message: `Group by any of ${STANCE_GROUPS.join(", ")}` })).min(1, "Name at least one group").max(3, "At most three groups"))
      .optional(),
    interval: z.enum(["week", "month"], { message: "Use week or month" }).optional(),
    format: z.enum(["json", "csv"], { message: "Use json or csv" }).optional(),
  })
  .strict()
  .meta({ id: "AnalyticsQuery" });
export type AnalyticsQuery = z.output<typeof analyticsQuerySchema>;

const distribution = z.object({ "-2": z.number().int(), "-1": z.number().int(), "0": z.number().int(), "1": z.number().int(), "2": z.number().int() });

export const stanceRowSchema = z.object({
  group: z.record(z.string(), z.string().nullable()),
  label: z.record(z.string(), z.string().nullable()),
  n: z.number().int(),
  mean: z.number(),
  distribution,
  ci95: z.tuple([z.number(), z.number()]).nullable().meta({ description: "Normal-approximation 95% interval of the mean; null when n < 2" }),
});
export const speakerRowSchema = z.object({
  speakerId: z.string(),
  name: z.string(),
  quotes: z.number().int(),
  directShare: z.number(),
  indirectShare: z.number(),
  mixedShare: z.number(),
  outlets: z.number().int(),
  stanceByTarget: z.record(z.string(), z.object({ mean: z.number(), n: z.number().int() })),
});
export const outletRowSchema = z.object({
  source: z.string().nullable(),
  documents: z.number().int(),
  quotes: z.number().int(),
  quotesBySpeaker: z.record(z.string(), z.number().int()),
  editorialByKind: z.record(z.string(), z.number().int()),
  claims: z.number().int(),
  checkworthyShare: z.number().nullable(),
});
export const timelineRowSchema = z.object({
  period: z.string(),
  documents: z.number().int(),
  quotes: z.number().int(),
  stanceByTarget: z.record(z.string(), z.object({ mean: z.number(), n: z.number().int() })),
});

export const analyticsResultSchema = z
  .object({
    view: z.enum(ANALYTICS_VIEWS),
    layer: z.string(),
    rows: z.array(z.union([stanceRowSchema, speakerRowSchema, outletRowSchema, timelineRowSchema])),
  })
  .meta({ id: "AnalyticsResult" });

export type StanceRow = z.infer<typeof stanceRowSchema>;
export type SpeakerRow = z.infer<typeof speakerRowSchema>;
export type OutletRow = z.infer<typeof outletRowSchema>;
export type TimelineRow = z.infer<typeof timelineRowSchema>;
export type AnalyticsResult =
  | { view: "stance"; layer: string; rows: StanceRow[] }
  | { view: "speakers"; layer: string; rows: SpeakerRow[] }
  | { view: "outlets"; layer: string; rows: OutletRow[] }
  | { view: "timeline"; layer: string; rows: TimelineRow[] };
