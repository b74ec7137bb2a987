// Scoring suggestions against the hand-made gold. A match is the same type with overlap ≥ 50% of
// the union of the two spans; matching is one-to-one, best overlap first.
import { z } from "@/lib/validation/zod";
import { namesLikelySame } from "./names";
import type { Suggestion } from "./types";

export const goldItemSchema = z.object({
  type: z.enum(["EDITORIAL", "QUOTE"]),
  kind: z.string().optional(),
  form: z.enum(["direct", "indirect", "mixed"]).optional(),
  speaker: z.string().nullable().optional(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export const goldFileSchema = z.object({ policy: z.string(), files: z.record(z.string(), z.array(goldItemSchema)) });
export type GoldItem = z.infer<typeof goldItemSchema>;
export type GoldFile = z.infer<typeof goldFileSchema>;

export interface Score {
  gold: number;
  suggested: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface MatchResult {
  score: Score;
  pairs: Array<{ gold: GoldItem; suggestion: Suggestion }>;
  missed: GoldItem[];
  spurious: Suggestion[];
}

/** Intersection over union of two half-open spans; 0 when disjoint. */
export function overlapRatio(a: { start: number; end: number }, b: { start: number; end: number }): number {
  if (a.end < a.start || b.end < b.start) throw new RangeError("span end before start");
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union === 0 ? 0 : inter / union;
}

export function matchSpans(gold: readonly GoldItem[], suggestions: readonly Suggestion[], threshold = 0.5): MatchResult {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError("threshold must be in (0, 1]");
  const candidates: Array<{ g: number; s: number; r: number }> = [];
  gold.forEach((g, gi) =>
    suggestions.forEach((s, si) => {
      if (s.type !== g.type) return;
      const r = overlapRatio(g, s);
      if (r >= threshold) candidates.push({ g: gi, s: si, r });
    }),
  );
  candidates.sort((a, b) => b.r - a.r);
  const usedG = new Set<number>();
  const usedS = new Set<number>();
  const pairs: MatchResult["pairs"] = [];
  for (const c of candidates) {
    if (usedG.has(c.g) || usedS.has(c.s)) continue;
    usedG.add(c.g);
    usedS.add(c.s);
    const g = gold[c.g];
    const s = suggestions[c.s];
    if (g && s) pairs.push({ gold: g, suggestion: s });
  }
  const matched = pairs.length;
  const precision = suggestions.length === 0 ? 0 : matched / suggestions.length;
  const recall = gold.length === 0 ? 0 : matched / gold.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    score: { gold: gold.length, suggested: suggestions.length, matched, precision, recall, f1 },
    pairs,
    missed: gold.filter((_, i) => !usedG.has(i)),
    spurious: suggestions.filter((_, i) => !usedS.has(i)),
  };
}

/** Fraction of matched quotes with a gold speaker whose suggested speaker names the same referent. */
export function speakerAccuracy(pairs: MatchResult["pairs"]): { judged: number; correct: number; accuracy: number } {
  const judged = pairs.filter((p) => typeof p.gold.speaker === "string");
  const correct = judged.filter((p) => p.suggestion.speakerName !== undefined && namesLikelySame(p.suggestion.speakerName, p.gold.speaker ?? ""));
  return { judged: judged.length, correct: correct.length, accuracy: judged.length === 0 ? 0 : correct.length / judged.length };
}
