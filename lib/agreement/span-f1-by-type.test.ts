import { describe, expect, it } from "vitest";
import { computeAgreementReport } from "./agreement-report";
import { DOC1, DOC2 } from "./agreement-fixture";
import { spanF1ByType } from "./span-f1-by-type";

describe("spanF1ByType", () => {
  it("sums tp/fp/fn of every pair per type (micro-average)", () => {
    const report = computeAgreementReport([...DOC1, ...DOC2]);
    const { exact, overlap } = spanF1ByType(report.spans);
    // CLAIM exact: doc1 ann–bob match, ann–cy and bob–cy differ by boundaries (1 fn + 1 fp each);
    // doc2 ann–bob match. tp 2, fp 2, fn 2 → F1 = 4 / 8.
    expect(exact.byType.CLAIM).toMatchObject({ tp: 2, fp: 2, fn: 2, f1: 0.5 });
    // Overlap: [0,38) overlaps [0,40), so every CLAIM pair matches.
    expect(overlap.byType.CLAIM).toMatchObject({ tp: 4, fp: 0, fn: 0, f1: 1 });
    // EDITORIAL only ann in doc2: one fn against bob.
    expect(exact.byType.EDITORIAL).toMatchObject({ tp: 0, fp: 0, fn: 1, f1: 0 });
  });

  it("is empty without pairs", () => {
    expect(spanF1ByType([])).toEqual({ exact: { overall: { precision: null, recall: null, f1: null, tp: 0, fp: 0, fn: 0 }, byType: {} }, overlap: { overall: { precision: null, recall: null, f1: null, tp: 0, fp: 0, fn: 0 }, byType: {} } });
  });
});
