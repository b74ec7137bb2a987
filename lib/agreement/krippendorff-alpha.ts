/**
 * Krippendorff's alpha, coincidence-matrix formulation (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability", sections C–E):
 *
 *   Do = (1/n)        Σ_c Σ_k o_ck · δ²(c,k)
 *   De = (1/(n(n−1))) Σ_c Σ_k n_c · n_k · δ²(c,k)
 *   α  = 1 − Do/De
 *
 * Defined results instead of NaN:
 * - no unit with ≥ 2 values → alpha null, reason "no-pairable-values", Do/De null;
 * - De = 0 (every pairable value is the same, so Do = 0 too) → alpha null, reason
 *   "no-variation", Do = De = 0. Alpha is 0/0 there; we do not report 1 because a single
 *   category says nothing about the annotators' ability to discriminate. Callers that want to
 *   show "perfect agreement" can test observedDisagreement === 0.
 * - interval metric with a string value → "non-numeric-value"; ordinal metric over strings
 *   without `order`, or a value missing from `order` → "unordered-value".
 */
import { CoincidenceMatrix, type AlphaValue, type MaybeAlphaValue } from "./coincidence-matrix";

export type AlphaMetric = "nominal" | "ordinal" | "interval";

export type AlphaNullReason = "no-pairable-values" | "no-variation" | "non-numeric-value" | "unordered-value";

export type AlphaResult = {
  alpha: number | null;
  /** Units with at least two pairable values (the others are dropped). */
  units: number;
  /** n: pairable values in those units. */
  pairable: number;
  observedDisagreement: number | null;
  expectedDisagreement: number | null;
  /** Set only when alpha is null. */
  reason?: AlphaNullReason;
};

export type AlphaOptions = {
  /** Rank order of the values for the ordinal metric; required when the values are strings. */
  order?: readonly AlphaValue[];
};

/**
 * Alpha for reliability data given as one row per unit and one entry per annotator
 * (null/undefined = missing). Any number of annotators; rows may have different lengths.
 */
export function krippendorffAlpha(
  units: ReadonlyArray<ReadonlyArray<MaybeAlphaValue>>,
  metric: AlphaMetric,
  options: AlphaOptions = {},
): AlphaResult {
  const matrix = new CoincidenceMatrix();
  for (const unit of units) matrix.addUnit(unit);
  return alphaFromCoincidences(matrix, metric, options);
}

/** Alpha from an already accumulated coincidence matrix (the streaming path). */
export function alphaFromCoincidences(
  matrix: CoincidenceMatrix,
  metric: AlphaMetric,
  options: AlphaOptions = {},
): AlphaResult {
  const base = { units: matrix.unitCount, pairable: matrix.pairableCount };
  const n = matrix.pairableCount;
  if (n < 2) {
    return { ...base, alpha: null, observedDisagreement: null, expectedDisagreement: null, reason: "no-pairable-values" };
  }

  const distance = distanceFunction(matrix, metric, options);
  if (typeof distance === "string") {
    return { ...base, alpha: null, observedDisagreement: null, expectedDisagreement: null, reason: distance };
  }

  const values = matrix.values();
  let observed = 0;
  let expected = 0;
  for (const c of values) {
    const nc = matrix.marginal(c);
    for (const k of values) {
      const d = distance(c, k);
      if (d === 0) continue;
      observed += matrix.get(c, k) * d;
      expected += nc * matrix.marginal(k) * d;
    }
  }
  const observedDisagreement = observed / n;
  const expectedDisagreement = expected / (n * (n - 1));
  if (expectedDisagreement === 0) {
    return { ...base, alpha: null, observedDisagreement, expectedDisagreement, reason: "no-variation" };
  }
  return { ...base, alpha: 1 - observedDisagreement / expectedDisagreement, observedDisagreement, expectedDisagreement };
}

type Distance = (c: AlphaValue, k: AlphaValue) => number;

/** δ²(c,k) for the metric, or the reason it cannot be defined on these values. */
function distanceFunction(
  matrix: CoincidenceMatrix,
  metric: AlphaMetric,
  options: AlphaOptions,
): Distance | AlphaNullReason {
  const values = matrix.values();
  switch (metric) {
    case "nominal":
      return (c, k) => (c === k ? 0 : 1);
    case "interval":
      if (values.some((v) => typeof v !== "number")) return "non-numeric-value";
      return (c, k) => ((c as number) - (k as number)) ** 2;
    case "ordinal":
      return ordinalDistance(matrix, options.order);
  }
}

/**
 * Ordinal δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², g running over the ranks between c and
 * k. Ranks come from `order` or from numeric sorting; values of `order` that were never
 * observed have n_g = 0 and therefore do not change any distance.
 */
function ordinalDistance(matrix: CoincidenceMatrix, order: readonly AlphaValue[] | undefined): Distance | AlphaNullReason {
  const observed = matrix.values();
  let ranked: AlphaValue[];
  if (order) {
    const known = new Set<AlphaValue>(order);
    if (observed.some((v) => !known.has(v))) return "unordered-value";
    ranked = [...new Set(order)];
  } else {
    if (observed.some((v) => typeof v !== "number")) return "unordered-value";
    ranked = [...observed].sort((a, b) => (a as number) - (b as number));
  }
  const rank = new Map<AlphaValue, number>(ranked.map((v, i) => [v, i]));
  // cumulative[i] = Σ n_g for ranks < i, so a rank range sum is one subtraction.
  const cumulative = [0];
  for (const v of ranked) cumulative.push((cumulative[cumulative.length - 1] ?? 0) + matrix.marginal(v));

  return (c, k) => {
    let lo = rank.get(c) ?? 0;
    let hi = rank.get(k) ?? 0;
    if (lo === hi) return 0;
    if (lo > hi) [lo, hi] = [hi, lo];
    const between = (cumulative[hi + 1] ?? 0) - (cumulative[lo] ?? 0);
    return (between - (matrix.marginal(c) + matrix.marginal(k)) / 2) ** 2;
  };
}
