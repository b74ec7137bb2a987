import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { krippendorffAlpha, alphaFromCoincidences, type AlphaMetric } from "./krippendorff-alpha";
import { CoincidenceMatrix, type AlphaValue, type MaybeAlphaValue } from "./coincidence-matrix";

/** Rows are observers in the publications; our input is one row per unit. */
function transpose(observers: MaybeAlphaValue[][]): MaybeAlphaValue[][] {
  const width = Math.max(...observers.map((o) => o.length));
  return Array.from({ length: width }, (_, u) => observers.map((o) => o[u] ?? null));
}

/**
 * Independent brute-force alpha: pairwise disagreements over all pairable value pairs, no
 * coincidence matrix. Ordinal distances are recomputed by counting values rank by rank.
 */
function bruteForceAlpha(units: MaybeAlphaValue[][], metric: AlphaMetric): number {
  const pairableUnits = units
    .map((u) => u.filter((v): v is AlphaValue => v !== null && v !== undefined))
    .filter((u) => u.length >= 2);
  const all = pairableUnits.flat();
  const n = all.length;
  const sorted = [...new Set(all)].sort((a, b) => Number(a) - Number(b));
  const count = (v: AlphaValue) => all.filter((x) => x === v).length;
  const delta = (c: AlphaValue, k: AlphaValue): number => {
    if (metric === "nominal") return c === k ? 0 : 1;
    if (metric === "interval") return (Number(c) - Number(k)) ** 2;
    const [i, j] = [sorted.indexOf(c), sorted.indexOf(k)].sort((a, b) => a - b) as [number, number];
    let sum = 0;
    for (let g = i; g <= j; g++) sum += count(sorted[g] as AlphaValue);
    return c === k ? 0 : (sum - (count(c) + count(k)) / 2) ** 2;
  };
  let observed = 0;
  for (const u of pairableUnits) {
    let within = 0;
    for (let i = 0; i < u.length; i++) for (let j = 0; j < u.length; j++) if (i !== j) within += delta(u[i]!, u[j]!);
    observed += within / (u.length - 1);
  }
  let expected = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) expected += delta(all[i]!, all[j]!);
  return 1 - ((n - 1) * observed) / expected;
}

// Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability". Annenberg School for
// Communication Departmental Papers 43, section C ("Nominal data, any number of observers,
// missing data") and the following sections for the other metrics: 4 observers × 12 units.
// Published: nominal α = 0.743, ordinal α = 0.815, interval α = 0.849.
const K2011_C = transpose([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
]);

// Krippendorff (2011), section A ("Binary or dichotomous data, two observers, no missing
// data"): 10 units. Published: α = 0.095.
const K2011_A = transpose([
  [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
  [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
]);

// Wikipedia, "Krippendorff's alpha", section "A computational example": 3 coders × 15 units
// with missing values. Published: nominal α = 0.691, interval α = 0.811. The ordinal figure
// (0.8067) is our own computation, confirmed only by the brute-force check below.
const WIKIPEDIA = transpose([
  [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
  [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
  [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
]);

describe("krippendorffAlpha on published examples", () => {
  it("reproduces Krippendorff (2011) section C for all three metrics", () => {
    const nominal = krippendorffAlpha(K2011_C, "nominal");
    expect(nominal.alpha).toBeCloseTo(0.743, 3);
    // Unit 12 has a single value and is dropped; Do = 0.2 is our own figure, not a published one.
    expect(nominal.units).toBe(11);
    expect(nominal.pairable).toBe(40);
    expect(nominal.observedDisagreement).toBeCloseTo(0.2, 10);
    expect(krippendorffAlpha(K2011_C, "ordinal").alpha).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(K2011_C, "interval").alpha).toBeCloseTo(0.849, 3);
  });

  it("reproduces Krippendorff (2011) section A, binary data", () => {
    const result = krippendorffAlpha(K2011_A, "nominal");
    expect(result.alpha).toBeCloseTo(0.095, 3);
    expect(result.units).toBe(10);
    expect(result.pairable).toBe(20);
    // Binary data: interval and nominal alpha coincide.
    expect(krippendorffAlpha(K2011_A, "interval").alpha).toBeCloseTo(0.0952381, 6);
  });

  it("reproduces the Wikipedia computational example", () => {
    expect(krippendorffAlpha(WIKIPEDIA, "nominal").alpha).toBeCloseTo(0.691, 3);
    expect(krippendorffAlpha(WIKIPEDIA, "interval").alpha).toBeCloseTo(0.811, 3);
    expect(krippendorffAlpha(WIKIPEDIA, "ordinal").alpha).toBeCloseTo(0.8067, 4);
    expect(krippendorffAlpha(WIKIPEDIA, "nominal").units).toBe(12);
  });

  it("agrees with the brute-force pairwise computation on every example and metric", () => {
    for (const data of [K2011_C, K2011_A, WIKIPEDIA]) {
      for (const metric of ["nominal", "ordinal", "interval"] as const) {
        expect(krippendorffAlpha(data, metric).alpha).toBeCloseTo(bruteForceAlpha(data, metric), 10);
      }
    }
  });
});

describe("krippendorffAlpha properties", () => {
  it("matches brute force on random stance data (−2..+2, missing values, 2–5 annotators)", () => {
    const cell = fc.option(fc.integer({ min: -2, max: 2 }), { nil: null, freq: 4 });
    const data = fc.integer({ min: 2, max: 5 }).chain((m) => fc.array(fc.array(cell, { minLength: m, maxLength: m }), { minLength: 1, maxLength: 15 }));
    fc.assert(
      fc.property(data, fc.constantFrom<AlphaMetric>("nominal", "ordinal", "interval"), (units, metric) => {
        const result = krippendorffAlpha(units, metric);
        if (result.alpha === null) return;
        expect(result.alpha).toBeCloseTo(bruteForceAlpha(units, metric), 9);
        expect(result.alpha).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: 300, seed: 20110401 },
    );
  });

  it("gives α = 1 for perfect agreement with variation", () => {
    expect(krippendorffAlpha([[1, 1], [2, 2, 2], [3, null, 3]], "ordinal").alpha).toBeCloseTo(1, 12);
  });

  it("is the same when the coincidence matrix is built in pieces and merged", () => {
    const first = new CoincidenceMatrix();
    const second = new CoincidenceMatrix();
    K2011_C.slice(0, 5).forEach((u) => first.addUnit(u));
    K2011_C.slice(5).forEach((u) => second.addUnit(u));
    first.merge(second);
    expect(alphaFromCoincidences(first, "ordinal").alpha).toBeCloseTo(0.8153875, 6);
    expect(first.unitCount).toBe(11);
  });

  it("uses an explicit order for string values", () => {
    const order = ["low", "mid", "high"] as const;
    // Collapse 1–2 → low, 3 → mid, 4–5 → high, once as strings and once as numbers.
    const bucket = (v: MaybeAlphaValue) => (typeof v !== "number" ? null : v <= 2 ? 0 : v === 3 ? 1 : 2);
    const units = K2011_C.map((u) => u.map((v) => { const b = bucket(v); return b === null ? null : order[b] ?? null; }));
    const numeric = K2011_C.map((u) => u.map(bucket));
    expect(krippendorffAlpha(units, "ordinal", { order }).alpha).toBeCloseTo(krippendorffAlpha(numeric, "ordinal").alpha ?? NaN, 12);
  });
});

describe("krippendorffAlpha bad input", () => {
  it("returns null with a reason when there is nothing to pair", () => {
    expect(krippendorffAlpha([], "nominal")).toEqual({
      alpha: null, units: 0, pairable: 0, observedDisagreement: null, expectedDisagreement: null, reason: "no-pairable-values",
    });
    // One annotator, or every other value missing.
    expect(krippendorffAlpha([[1], [2], [3]], "interval").reason).toBe("no-pairable-values");
    expect(krippendorffAlpha([[null, 1, undefined], [null, null]], "nominal").reason).toBe("no-pairable-values");
  });

  it("returns null (not 1) when there is no variation", () => {
    expect(krippendorffAlpha([["yes", "yes"], ["yes", "yes", null]], "nominal")).toEqual({
      alpha: null, units: 2, pairable: 4, observedDisagreement: 0, expectedDisagreement: 0, reason: "no-variation",
    });
  });

  it("refuses metrics the values cannot carry", () => {
    expect(krippendorffAlpha([["a", "b"]], "interval").reason).toBe("non-numeric-value");
    expect(krippendorffAlpha([["a", "b"]], "ordinal").reason).toBe("unordered-value");
    expect(krippendorffAlpha([["a", "c"]], "ordinal", { order: ["a", "b"] }).reason).toBe("unordered-value");
  });

  it("throws a clear error on NaN", () => {
    expect(() => krippendorffAlpha([[1, Number.NaN]], "interval")).toThrow(/finite numbers or strings/);
  });
});
