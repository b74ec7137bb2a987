// One line per span for the text's tooltip and the annotation list: its stance, speaker and cue,
// so they can be read without opening the span.
import { STANCE_SCALE } from "@/lib/schema/label-schema";

type Range = { start: number; end: number };
type SpanLike = { type: string; attributes: Record<string, unknown>; speaker: { name: string } | null };

/** Attributes with a shape of their own, summarised above (or malformed): never printed raw. */
const STRUCTURED = new Set(["stance", "speaker", "cue", "speakerMention"]);

const signed = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value)}`;

function isRange(value: unknown): value is Range {
  return typeof value === "object" && value !== null && typeof (value as Range).start === "number" && typeof (value as Range).end === "number";
}

/** "Ukraine −1 (against)", one per stance entry; "none" entries say so. */
export function stanceParts(attributes: Record<string, unknown>): string[] {
  const stance = Array.isArray(attributes.stance) ? (attributes.stance as { target?: unknown; value?: unknown }[]) : [];
  return stance
    .filter((s) => typeof s.target === "string")
    .map((s) => {
      if (typeof s.value !== "number") return `${String(s.target)}: no stance`;
      const label = STANCE_SCALE.find((x) => x.value === s.value)?.label.toLowerCase();
      return `${String(s.target)} ${signed(s.value)}${label ? ` (${label})` : ""}`;
    });
}

/** The parts of a span's summary, in reading order: stance, speaker, cue, then its other choices. */
export function spanSummaryParts(span: SpanLike, textOf: (range: Range) => string): string[] {
  const parts = stanceParts(span.attributes);
  if (span.speaker?.name) parts.push(`speaker: ${span.speaker.name}`);
  if (isRange(span.attributes.cue)) parts.push(`cue: “${clip(textOf(span.attributes.cue), 40)}”`);
  for (const [name, value] of Object.entries(span.attributes)) {
    if (typeof value === "string" && value !== "" && !STRUCTURED.has(name)) parts.push(`${name}: ${value}`);
  }
  return parts;
}

/** "QUOTE · Ukraine −1 (against) · speaker: Lavrov · cue: “said”". */
export function spanSummary(span: SpanLike, textOf: (range: Range) => string): string {
  return [span.type, ...spanSummaryParts(span, textOf)].join(" · ");
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
