import { describe, expect, it } from "vitest";
import { AgreementAccumulator, computeAgreementReport, type AgreementReport } from "./agreement-report";
import { DOC1, DOC2 } from "./agreement-fixture";

/** Rounds every number so reports built in different orders compare despite float summation order. */
function rounded(report: AgreementReport): unknown {
  return JSON.parse(JSON.stringify(report, (_key, value: unknown) => (typeof value === "number" ? Math.round(value * 1e12) / 1e12 : value)));
}

describe("computeAgreementReport", () => {
  const report = computeAgreementReport([...DOC1, ...DOC2]);

  it("reports alpha per attribute key, ordinal/interval only for numeric scales", () => {
    expect(report.documents).toBe(2);
    expect(report.annotators).toEqual(["ann", "bob", "cy"]);
    expect(Object.keys(report.attributes)).toEqual(["CLAIM.checkworthy", "CLAIM.stance:tax", "QUOTE.form", "QUOTE.speaker", "sentence.checkworthy"]);
    // Hand computation in attribute-units.test.ts: α = 0.25.
    expect(report.attributes["sentence.checkworthy"]).toEqual({
      alpha: { nominal: expect.closeTo(0.25, 12), ordinal: null, interval: null }, units: 6, pairable: 15, scale: "nominal",
    });
    // Stance values 2/1/2 and −1/−1 (n = 5). Hand computation: nominal Do = 0.4, De = 0.8 → 0.5;
    // ordinal Do = 0.9, De = 4.5 → 0.8; interval Do = 0.4, De = 4.6 → 1 − 2/23.
    const stance = report.attributes["CLAIM.stance:tax"];
    expect(stance?.scale).toBe("numeric");
    expect(stance?.alpha.nominal).toBeCloseTo(0.5, 12);
    expect(stance?.alpha.ordinal).toBeCloseTo(0.8, 12);
    expect(stance?.alpha.interval).toBeCloseTo(1 - 2 / 23, 12);
    expect(stance?.units).toBe(2);
    // One quote pair with different speakers: α = 0; identical forms: no variation → null.
    expect(report.attributes["QUOTE.speaker"]).toEqual({ alpha: { nominal: 0, ordinal: null, interval: null }, units: 1, pairable: 2, scale: "nominal" });
    expect(report.attributes["QUOTE.form"]?.alpha).toEqual({ nominal: null, ordinal: null, interval: null });
    expect(report.attributes["CLAIM.checkworthy"]?.alpha.nominal).toBeNull();
  });

  it("reports pairwise kappa on sentence checkworthiness", () => {
    // ann/bob: 6 sentences, p_o = 2/3, p_e = 1/2 → 1/3. ann/cy and bob/cy: 3 sentences,
    // p_o = 2/3, p_e = 4/9 → 0.4.
    expect(report.kappa?.key).toBe("sentence.checkworthy");
    expect(report.kappa?.annotators).toEqual(["ann", "bob", "cy"]);
    const m = report.kappa?.matrix ?? [];
    expect(m[0]?.[1]).toBeCloseTo(1 / 3, 12);
    expect(m[1]?.[0]).toBeCloseTo(1 / 3, 12);
    expect(m[0]?.[2]).toBeCloseTo(0.4, 12);
    expect(m[1]?.[2]).toBeCloseTo(0.4, 12);
    expect(m[0]?.[0]).toBe(1);
    expect(report.kappa?.n).toEqual([[6, 6, 3], [6, 6, 3], [3, 3, 3]]);
  });

  it("reports span F1 per annotator pair, only over documents both annotated", () => {
    expect(report.spans.map((p) => [p.reference, p.other, p.documents])).toEqual([["ann", "bob", 2], ["ann", "cy", 1], ["bob", "cy", 1]]);
    const [annBob, annCy] = report.spans;
    expect(annBob?.exact.overall).toEqual({ precision: 1, recall: 0.75, f1: 6 / 7, tp: 3, fp: 0, fn: 1 });
    expect(annBob?.exact.byType.EDITORIAL).toEqual({ precision: null, recall: 0, f1: 0, tp: 0, fp: 0, fn: 1 });
    expect(annCy?.exact.overall).toEqual({ precision: 0, recall: 0, f1: 0, tp: 0, fp: 1, fn: 2 });
    expect(annCy?.overlap.overall).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3, tp: 1, fp: 0, fn: 1 });
  });

  it("summarises each annotator", () => {
    expect(report.perAnnotator).toEqual([
      { annotatorId: "ann", documents: 2, annotations: { CLAIM: 2, EDITORIAL: 1, QUOTE: 1, SENTENCE: 6 }, meanPairwiseF1: { exact: expect.closeTo(3 / 7, 12), overlap: expect.closeTo(16 / 21, 12) } },
      { annotatorId: "bob", documents: 2, annotations: { CLAIM: 2, QUOTE: 1, SENTENCE: 6 }, meanPairwiseF1: { exact: expect.closeTo(3 / 7, 12), overlap: expect.closeTo(16 / 21, 12) } },
      { annotatorId: "cy", documents: 1, annotations: { CLAIM: 1, SENTENCE: 3 }, meanPairwiseF1: { exact: 0, overlap: expect.closeTo(2 / 3, 12) } },
    ]);
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe("AgreementAccumulator", () => {
  it("gives the same report when documents are streamed one at a time, in any order", () => {
    const whole = rounded(computeAgreementReport([...DOC1, ...DOC2]));
    const forward = new AgreementAccumulator();
    forward.addDocument(DOC1);
    forward.addDocument(DOC2);
    const backward = new AgreementAccumulator();
    backward.addDocument([...DOC2].reverse());
    backward.addDocument([...DOC1].reverse());
    expect(rounded(forward.result())).toEqual(whole);
    expect(rounded(backward.result())).toEqual(whole);
  });

  it("counts an assigned annotator who annotated nothing as missing every span", () => {
    const accumulator = new AgreementAccumulator();
    accumulator.addDocument(DOC2, { annotators: ["cy"] });
    const result = accumulator.result();
    expect(result.spans.find((p) => p.reference === "ann" && p.other === "cy")?.exact.overall).toEqual({ precision: null, recall: 0, f1: 0, tp: 0, fp: 0, fn: 2 });
    expect(result.perAnnotator.find((a) => a.annotatorId === "cy")).toEqual({ annotatorId: "cy", documents: 1, annotations: {}, meanPairwiseF1: { exact: 0, overlap: 0 } });
  });
});

describe("computeAgreementReport bad input", () => {
  it("returns an empty report for no annotations", () => {
    expect(computeAgreementReport([])).toEqual({ documents: 0, annotators: [], attributes: {}, kappa: null, spans: [], perAnnotator: [] });
    expect(new AgreementAccumulator().result().documents).toBe(0);
  });

  it("returns nulls, not NaN, for a single annotator", () => {
    const single = computeAgreementReport(DOC2.filter((a) => a.annotatorId === "ann"));
    expect(single.attributes["sentence.checkworthy"]).toEqual({ alpha: { nominal: null, ordinal: null, interval: null }, units: 0, pairable: 0, scale: "nominal" });
    expect(single.kappa).toEqual({ key: "sentence.checkworthy", annotators: ["ann"], matrix: [[1]], n: [[2]] });
    expect(single.spans).toEqual([]);
    expect(single.perAnnotator[0]?.meanPairwiseF1).toEqual({ exact: null, overlap: null });
  });
});
