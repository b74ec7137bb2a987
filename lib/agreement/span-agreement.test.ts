import { describe, expect, it } from "vitest";
import { matchSpanPairs, pairwiseSpanAgreement, precisionRecall, spanAgreement, type Span } from "./span-agreement";

const claim = (start: number, end: number): Span => ({ type: "CLAIM", start, end });
const quote = (start: number, end: number): Span => ({ type: "QUOTE", start, end });

describe("spanAgreement", () => {
  const reference = [claim(0, 40), quote(10, 30), claim(50, 80), quote(90, 120)];
  const other = [claim(0, 40), quote(12, 30), claim(55, 85), claim(200, 210)];

  it("exact mode counts only identical type and offsets", () => {
    const result = spanAgreement(reference, other, "exact");
    expect(result.overall).toEqual({ precision: 0.25, recall: 0.25, f1: 0.25, tp: 1, fp: 3, fn: 3 });
    expect(result.byType.CLAIM).toEqual({ precision: 1 / 3, recall: 0.5, f1: 0.4, tp: 1, fp: 2, fn: 1 });
    expect(result.byType.QUOTE).toEqual({ precision: 0, recall: 0, f1: 0, tp: 0, fp: 1, fn: 2 });
    expect(Object.keys(result.byType)).toEqual(["CLAIM", "QUOTE"]);
  });

  it("overlap mode pairs overlapping spans of the same type", () => {
    const result = spanAgreement(reference, other, "overlap");
    expect(result.overall).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75, tp: 3, fp: 1, fn: 1 });
    expect(result.byType.CLAIM).toEqual({ precision: 2 / 3, recall: 1, f1: 0.8, tp: 2, fp: 1, fn: 0 });
    expect(result.byType.QUOTE).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3, tp: 1, fp: 0, fn: 1 });
  });

  it("never matches across types, even with identical offsets", () => {
    expect(spanAgreement([claim(0, 10)], [quote(0, 10)], "overlap").overall).toMatchObject({ tp: 0, fp: 1, fn: 1, f1: 0 });
  });

  it("matches one-to-one, largest overlap first, exact matches before overlaps", () => {
    // b[0] overlaps a[0] by 8 and a[1] by 5; a[1] exactly equals b[1].
    const a = [claim(0, 10), claim(5, 15)];
    const b = [claim(2, 12), claim(5, 15)];
    expect(matchSpanPairs(a, b, "overlap")).toEqual([[1, 1], [0, 0]]);
    // a[1] = b[0] exactly, so that pair is taken first although a[0]–b[0] also overlaps.
    expect(matchSpanPairs([claim(0, 10), claim(0, 5)], [claim(0, 5), claim(1, 10)], "overlap")).toEqual([[1, 0], [0, 1]]);
    // No exact pair: the larger overlap (9 vs 6) wins and the loser stays unmatched.
    expect(matchSpanPairs([claim(0, 10)], [claim(2, 8), claim(0, 9)], "overlap")).toEqual([[0, 1]]);
  });

  it("breaks equal overlaps toward the closer boundaries", () => {
    // Both b spans overlap a[0] by 5; b[1] has the smaller union.
    expect(matchSpanPairs([claim(10, 15)], [claim(0, 15), claim(10, 20)], "overlap")).toEqual([[0, 1]]);
  });

  it("touching ranges do not overlap (end-exclusive), zero-length spans match only exactly", () => {
    expect(matchSpanPairs([claim(0, 10)], [claim(10, 20)], "overlap")).toEqual([]);
    expect(matchSpanPairs([claim(5, 5)], [claim(0, 10)], "overlap")).toEqual([]);
    expect(matchSpanPairs([claim(5, 5)], [claim(5, 5)], "overlap")).toEqual([[0, 0]]);
  });

  it("handles empty layers with nulls, not NaN", () => {
    expect(spanAgreement([], [], "exact")).toEqual({ overall: { precision: null, recall: null, f1: null, tp: 0, fp: 0, fn: 0 }, byType: {} });
    expect(spanAgreement([claim(0, 1)], [], "overlap").overall).toEqual({ precision: null, recall: 0, f1: 0, tp: 0, fp: 0, fn: 1 });
    expect(spanAgreement([], [claim(0, 1)], "overlap").overall).toEqual({ precision: 0, recall: null, f1: 0, tp: 0, fp: 1, fn: 0 });
  });

  it("throws a clear error on invalid offsets", () => {
    expect(() => spanAgreement([claim(10, 5)], [], "exact")).toThrow(/reference span #0 has invalid offsets \[10, 5\)/);
    expect(() => spanAgreement([], [claim(1.5, 3)], "exact")).toThrow(/compared span #0/);
  });
});

describe("precisionRecall", () => {
  it("computes exact values and nulls for empty denominators", () => {
    expect(precisionRecall(3, 1, 2)).toEqual({ precision: 0.75, recall: 0.6, f1: 6 / 9, tp: 3, fp: 1, fn: 2 });
    expect(precisionRecall(0, 0, 0)).toEqual({ precision: null, recall: null, f1: null, tp: 0, fp: 0, fn: 0 });
  });
});

describe("pairwiseSpanAgreement", () => {
  it("covers every unordered pair with the alphabetically first annotator as reference", () => {
    const layers = new Map<string, Span[]>([
      ["cy", [claim(0, 10)]],
      ["ann", [claim(0, 10), quote(20, 30)]],
      ["bob", [claim(1, 10)]],
    ]);
    const result = pairwiseSpanAgreement(layers, "exact");
    expect(result.map((p) => [p.reference, p.other, p.result.overall.f1])).toEqual([
      ["ann", "bob", 0],
      ["ann", "cy", 2 / 3],
      ["bob", "cy", 0],
    ]);
    expect(pairwiseSpanAgreement(layers, "overlap").map((p) => p.result.overall.f1)).toEqual([2 / 3, 2 / 3, 1]);
  });

  it("returns no pairs for fewer than two annotators", () => {
    expect(pairwiseSpanAgreement(new Map(), "exact")).toEqual([]);
    expect(pairwiseSpanAgreement(new Map([["ann", [claim(0, 1)]]]), "overlap")).toEqual([]);
  });
});
