// Label Studio's ML-backend /predict protocol (label_studio_ml/api.py in
// HumanSignal/label-studio-ml-backend): the request carries `tasks` ([{id, data}]), `project`,
// `label_config` and `params.context`; the answer is `{results: [prediction per task]}`, a
// prediction being `{result: [region…], score?, model_version?}` and a text region
// `{from_name, to_name, type: "labels", value: {start, end, text?, labels: [label]}, score?}`.
// Offsets are code points, as Label Studio's own text regions.
import { z } from "@/lib/validation/zod";

export function predictRequest(input: { taskId: string; text: string; projectId: string; labelConfig: string }) {
  return {
    tasks: [{ id: input.taskId, data: { text: input.text } }],
    project: input.projectId,
    label_config: input.labelConfig,
    params: { context: {} },
  };
}

const region = z.object({
  type: z.string(),
  value: z.object({
    start: z.number().int(),
    end: z.number().int(),
    text: z.string().optional(),
    labels: z.array(z.string()).min(1),
  }),
  score: z.number().optional(),
});

const responseSchema = z.object({
  results: z.array(z.object({ result: z.array(z.unknown()).max(10_000), score: z.number().nullish() })).max(1_000),
});

export type ExternalSpan = { type: string; start: number; end: number; confidence: number };
export type MappedPrediction = { spans: ExternalSpan[]; dropped: Record<string, number> };

const clamp01 = (x: number | null | undefined): number => (typeof x === "number" && Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0.5);

/**
 * The first prediction's text regions as spans of our types. Regions that are not text labels,
 * carry a label that is not an active span type, fall outside the text or whose `text` disagrees
 * with their offsets are dropped and counted. Throws on an answer that is not a /predict answer.
 */
export function mapPrediction(answer: unknown, text: string, spanTypes: readonly string[]): MappedPrediction {
  const parsed = responseSchema.safeParse(answer);
  if (!parsed.success) throw new Error(`not a /predict answer (${parsed.error.issues[0]?.path.join(".") || "body"}: ${parsed.error.issues[0]?.message})`);
  const prediction = parsed.data.results[0];
  const byName = new Map(spanTypes.map((t) => [t.toLowerCase(), t]));
  const codePoints = Array.from(text);
  const spans: ExternalSpan[] = [];
  const dropped: Record<string, number> = {};
  const drop = (why: string) => (dropped[why] = (dropped[why] ?? 0) + 1);
  for (const raw of prediction?.result ?? []) {
    const r = region.safeParse(raw);
    if (!r.success || r.data.type !== "labels") {
      drop("not a text label region");
      continue;
    }
    const { start, end, labels } = r.data.value;
    const type = byName.get(labels[0]!.toLowerCase());
    if (!type) drop(`label not a span type`);
    else if (start < 0 || end <= start || end > codePoints.length) drop("offsets outside the text");
    else if (r.data.value.text !== undefined && codePoints.slice(start, end).join("") !== r.data.value.text) drop("text does not match the offsets");
    else spans.push({ type, start, end, confidence: clamp01(r.data.score ?? prediction?.score) });
  }
  return { spans, dropped };
}
