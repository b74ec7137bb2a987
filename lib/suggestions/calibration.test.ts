import { describe, expect, it } from "vitest";
import { buildCalibration, confidenceFrom, reliability, withTable, type Outcome } from "./calibration";

const o = (rule: string, cls: string, correct: boolean, confidence = 0.5): Outcome => ({ rule, cls, correct, confidence });

describe("calibration", () => {
  const outcomes = [
    ...Array.from({ length: 18 }, () => o("quote.a", "quote", true)),
    o("quote.a", "quote", false),
    o("quote.b", "quote", false),
    o("quote.b", "quote", false),
    o("editorial.x", "editorial", true),
  ];
  const table = buildCalibration(outcomes, "test");

  it("gives each kind its smoothed precision and shrinks a rule with few examples towards it", () => {
    expect(table.kinds.quote).toEqual({ suggested: 21, correct: 18, confidence: Math.round((19 / 23) * 1000) / 1000 });
    const p = table.kinds.quote!.confidence;
    expect(table.rules["quote.a"]!.confidence).toBeCloseTo((18 + 4 * p) / 23, 3);
    // Two misses pull quote.b down, but not to 0: the kind's precision is its prior.
    expect(table.rules["quote.b"]!.confidence).toBeCloseTo((0 + 4 * p) / 6, 3);
    expect(table.rules["quote.b"]!.confidence).toBeLessThan(table.rules["quote.a"]!.confidence);
  });

  it("falls back from rule to class to the uncalibrated prior; indirect quotes are their own class", () => {
    expect(confidenceFrom(table, { rule: "quote.a", suggester: "quote", type: "QUOTE", attributes: { form: "direct" } })).toBe(table.rules["quote.a"]!.confidence);
    expect(confidenceFrom(table, { rule: "quote.new", suggester: "quote", type: "QUOTE", attributes: { form: "direct" } })).toBe(table.kinds.quote!.confidence);
    expect(confidenceFrom(table, { rule: "quote.new", suggester: "quote", type: "QUOTE", attributes: { form: "indirect" } })).toBe(0.5);
    expect(confidenceFrom(table, { rule: "claim.x", suggester: "claim", type: "CLAIM", attributes: {} })).toBe(0.5);
  });

  it("measures reliability: a perfectly calibrated set has ECE 0, an overconfident one does not", () => {
    const good = [...Array.from({ length: 8 }, () => o("r", "c", true, 0.8)), ...Array.from({ length: 2 }, () => o("r", "c", false, 0.8))];
    expect(reliability(good).ece).toBeCloseTo(0, 6);
    const [bin, ...more] = reliability(good).bins;
    expect(more).toEqual([]);
    expect(bin).toMatchObject({ from: 0.7, to: 0.85, n: 10 });
    expect(bin!.meanConfidence).toBeCloseTo(0.8, 9);
    expect(bin!.accuracy).toBeCloseTo(0.8, 9);
    const bad = good.map((x) => ({ ...x, confidence: 1 }));
    expect(reliability(bad).ece).toBeCloseTo(0.2, 6);
    expect(reliability(bad).brier).toBeCloseTo(0.2, 6);
    expect(withTable(table, [o("quote.b", "quote", true, 1)])[0]!.confidence).toBe(table.rules["quote.b"]!.confidence);
  });
});
