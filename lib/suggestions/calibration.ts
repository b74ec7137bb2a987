// Confidence calibration: how often each rule's suggestion was right on the tuning (dev) split,
// and how well those confidences predict correctness on the held-out (test) split.
import type { Suggestion } from "./types";

type Classified = Pick<Suggestion, "rule" | "suggester" | "type" | "attributes">;

/**
 * The group a rule falls back to when the corpus never saw it fire: its suggester, except that
 * indirect quotes (which have no gold) are a group of their own, not scored like direct ones.
 */
export function calibrationClass(s: Classified): string {
  return s.type === "QUOTE" && s.attributes.form === "indirect" ? "quote-indirect" : s.suggester;
}

/** One judged suggestion of the eval: its rule, the confidence it carried, and whether gold agreed. */
export interface Outcome {
  rule: string;
  /** See calibrationClass. */
  cls: string;
  confidence: number;
  correct: boolean;
}

export interface CalibrationEntry {
  /** Judged suggestions of this rule (or kind) on the dev split, and how many were right. */
  suggested: number;
  correct: number;
  confidence: number;
}

export interface CalibrationTable {
  source: string;
  /** Pseudo-counts that pull a rule with few examples towards its kind's precision. */
  ruleStrength: number;
  /** Confidence of kinds the corpus has no gold for (claims, indirect quotes). */
  uncalibrated: number;
  kinds: Record<string, CalibrationEntry>;
  rules: Record<string, CalibrationEntry>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Per kind: precision with a uniform Beta(1,1) prior. Per rule: its own precision shrunk towards
 * its kind's, `(correct + m·p_kind) / (n + m)`, so a rule seen twice does not claim 1.00.
 */
export function buildCalibration(outcomes: readonly Outcome[], source: string, ruleStrength = 4, uncalibrated = 0.5): CalibrationTable {
  const kinds: Record<string, CalibrationEntry> = {};
  const rules: Record<string, CalibrationEntry & { cls: string }> = {};
  for (const o of outcomes) {
    const k = (kinds[o.cls] ??= { suggested: 0, correct: 0, confidence: 0 });
    const r = (rules[o.rule] ??= { suggested: 0, correct: 0, confidence: 0, cls: o.cls });
    k.suggested++;
    r.suggested++;
    if (o.correct) {
      k.correct++;
      r.correct++;
    }
  }
  for (const k of Object.values(kinds)) k.confidence = round((k.correct + 1) / (k.suggested + 2));
  const out: Record<string, CalibrationEntry> = {};
  for (const [rule, r] of Object.entries(rules).sort(([a], [b]) => a.localeCompare(b))) {
    const prior = kinds[r.cls]?.confidence ?? uncalibrated;
    out[rule] = { suggested: r.suggested, correct: r.correct, confidence: round((r.correct + ruleStrength * prior) / (r.suggested + ruleStrength)) };
  }
  return { source, ruleStrength, uncalibrated, kinds, rules: out };
}

/** The calibrated confidence of a suggestion: its rule's, else its kind's, else the uncalibrated prior. */
export function confidenceFrom(table: CalibrationTable, s: Classified): number {
  return table.rules[s.rule]?.confidence ?? table.kinds[calibrationClass(s)]?.confidence ?? table.uncalibrated;
}

/** Outcomes re-scored with another table (the eval measures a table it has just written). */
export function withTable(table: CalibrationTable, outcomes: readonly Outcome[]): Outcome[] {
  return outcomes.map((o) => ({ ...o, confidence: table.rules[o.rule]?.confidence ?? table.kinds[o.cls]?.confidence ?? table.uncalibrated }));
}

export interface ReliabilityBin {
  from: number;
  to: number;
  n: number;
  meanConfidence: number;
  accuracy: number;
}

const BIN_EDGES = [0, 0.5, 0.7, 0.85, 0.95, 1];

/** Reliability of confidences on held-out outcomes: bins, expected calibration error and Brier score. */
export function reliability(outcomes: readonly Outcome[]): { bins: ReliabilityBin[]; ece: number; brier: number; n: number } {
  const bins: ReliabilityBin[] = [];
  let ece = 0;
  for (let i = 0; i + 1 < BIN_EDGES.length; i++) {
    const from = BIN_EDGES[i]!;
    const to = BIN_EDGES[i + 1]!;
    const last = i + 2 === BIN_EDGES.length;
    const inBin = outcomes.filter((o) => o.confidence >= from && (o.confidence < to || (last && o.confidence <= to)));
    if (inBin.length === 0) continue;
    const meanConfidence = inBin.reduce((a, o) => a + o.confidence, 0) / inBin.length;
    const accuracy = inBin.filter((o) => o.correct).length / inBin.length;
    bins.push({ from, to, n: inBin.length, meanConfidence, accuracy });
    ece += (inBin.length / outcomes.length) * Math.abs(meanConfidence - accuracy);
  }
  const brier = outcomes.length === 0 ? 0 : outcomes.reduce((a, o) => a + (o.confidence - (o.correct ? 1 : 0)) ** 2, 0) / outcomes.length;
  return { bins, ece, brier, n: outcomes.length };
}
