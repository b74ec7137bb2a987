// Entry point: validates input, segments the text, runs the enabled suggesters and converts every
// span from UTF-16 to code points once at the end.
import { z } from "@/lib/validation/zod";
import { findClaims } from "./claims";
import { calibratedConfidence } from "./confidence";
import { findEditorial } from "./editorial";
import { EntityIndex, proposeMerges } from "./entities";
import { buildOffsetIndex } from "./offsets";
import { findQuotes } from "./quotes";
import { lineSpans, splitSentences, type Unit } from "./text-units";
import type { SuggestInput, SuggestOutput, Suggestion, SuggesterKind } from "./types";

const span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
const inputSchema = z.object({
  text: z.string(),
  sentences: z.array(span.extend({ kind: z.enum(["content", "boilerplate"]) })).optional(),
  entities: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      aliases: z.array(z.string()),
      type: z.enum(["PERSON", "ORGANISATION", "OUTLET", "DOCUMENT", "STATE"]),
    }),
  ),
  enabled: z.object({ editorial: z.boolean(), quote: z.boolean(), claim: z.boolean() }).partial().optional(),
});

export function suggestForDocument(input: SuggestInput): SuggestOutput {
  const parsed = inputSchema.parse(input);
  const { text, entities } = parsed;
  const offsets = buildOffsetIndex(text);
  const on = (k: SuggesterKind) => parsed.enabled?.[k] !== false;

  let sentences: Unit[];
  if (parsed.sentences) {
    sentences = parsed.sentences
      .map((s) => {
        if (s.end < s.start || s.end > offsets.codePointLength) throw new RangeError(`sentence ${s.start}..${s.end} outside the text`);
        return { start: offsets.toUtf16(s.start), end: offsets.toUtf16(s.end), kind: s.kind };
      })
      .sort((a, b) => a.start - b.start);
  } else sentences = splitSentences(text);
  const lines = lineSpans(text);
  const registry = new EntityIndex(entities);
  const cp = (u: number) => offsets.toCodePoint(u);
  const suggestions: Array<Omit<Suggestion, "confidence">> = [];

  if (on("editorial")) {
    const outlets = new Set(
      entities.filter((e) => e.type === "OUTLET").flatMap((e) => [e.name, ...e.aliases]).map((n) => n.toLowerCase()),
    );
    for (const h of findEditorial(text, lines, outlets))
      suggestions.push({ suggester: "editorial", rule: h.rule, type: "EDITORIAL", start: cp(h.start), end: cp(h.end), attributes: { kind: h.kind } });
  }

  let proposedEntities: SuggestOutput["proposedEntities"] = [];
  if (on("quote")) {
    const { hits, proposed } = findQuotes(text, lines, sentences, registry);
    proposedEntities = proposed;
    for (const h of hits) {
      const attributes: Record<string, unknown> = { form: h.form };
      if (h.cue) attributes.cue = { start: cp(h.cue.start), end: cp(h.cue.end) };
      if (h.speakerMention) attributes.speakerMention = { start: cp(h.speakerMention.start), end: cp(h.speakerMention.end) };
      suggestions.push({
        suggester: "quote",
        rule: h.rule,
        type: "QUOTE",
        start: cp(h.start),
        end: cp(h.end),
        attributes,
        ...(h.speaker ? { speakerName: h.speaker.name } : {}),
        ...(h.speaker?.entityId ? { entityId: h.speaker.entityId } : {}),
      });
    }
  }

  if (on("claim")) {
    for (const h of findClaims(text, sentences))
      suggestions.push({ suggester: "claim", rule: h.rule, type: "CLAIM", start: cp(h.start), end: cp(h.end), attributes: { checkworthy: "yes" } });
  }

  suggestions.sort((a, b) => a.start - b.start || a.end - b.end || a.type.localeCompare(b.type));
  return {
    suggestions: suggestions.map((s) => ({ ...s, confidence: calibratedConfidence(s) })),
    proposedEntities, mergeProposals: proposeMerges(entities, proposedEntities) };
}
