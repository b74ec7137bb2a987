import { describe, expect, it } from "vitest";
import { cohenKappa, ContingencyTable, pairwiseKappaMatrix, type Label, type UnitKey } from "./cohen-kappa";

/** Expands a 2×2 table (rows: annotator A, columns: annotator B) into label arrays. */
function fromTable(cells: Array<[Label, Label, number]>): [Label[], Label[]] {
  const a: Label[] = [];
  const b: Label[] = [];
  for (const [x, y, count] of cells) {
    for (let i = 0; i < count; i++) {
      a.push(x);
      b.push(y);
    }
  }
  return [a, b];
}

describe("cohenKappa on published examples", () => {
  // Wikipedia, "Cohen's kappa", section "Simple example": 50 grant proposals read by A and B;
  // yes/yes 20, yes/no 5, no/yes 10, no/no 15. Published: p_o = 0.7, p_e = 0.5, κ = 0.4.
  it("reproduces the 50-item yes/no example", () => {
    const [a, b] = fromTable([["yes", "yes", 20], ["yes", "no", 5], ["no", "yes", 10], ["no", "no", 15]]);
    const result = cohenKappa(a, b);
    expect(result.n).toBe(50);
    expect(result.observedAgreement).toBeCloseTo(0.7, 12);
    expect(result.expectedAgreement).toBeCloseTo(0.5, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
  });

  // Same article, section "Same percentages but different numbers": two 100-item tables with
  // p_o = 0.60. Published: κ = 0.1304 and κ = 0.2593.
  it("reproduces the 'same percentages, different numbers' examples", () => {
    const [a1, b1] = fromTable([["yes", "yes", 45], ["yes", "no", 15], ["no", "yes", 25], ["no", "no", 15]]);
    expect(cohenKappa(a1, b1).kappa).toBeCloseTo(0.1304, 4);
    const [a2, b2] = fromTable([["yes", "yes", 25], ["yes", "no", 35], ["no", "yes", 5], ["no", "no", 35]]);
    expect(cohenKappa(a2, b2).kappa).toBeCloseTo(0.2593, 4);
  });

  // Cohen, J. (1960), "A coefficient of agreement for nominal scales", Educational and
  // Psychological Measurement 20(1), Table 1: 200 items, 3 categories, given as proportions.
  // Published: p_o = .70, p_c = .41, κ = .492. The cell proportions are from our recollection of
  // the table; p_o, p_c and κ were recomputed by hand (.29/.59 = .4915).
  it("reproduces Cohen (1960) Table 1", () => {
    const [a, b] = fromTable([
      [1, 1, 88], [1, 2, 14], [1, 3, 18],
      [2, 1, 10], [2, 2, 40], [2, 3, 10],
      [3, 1, 2], [3, 2, 6], [3, 3, 12],
    ]);
    const result = cohenKappa(a, b, [1, 2, 3]);
    expect(result.observedAgreement).toBeCloseTo(0.7, 12);
    expect(result.expectedAgreement).toBeCloseTo(0.41, 12);
    expect(result.kappa).toBeCloseTo(0.4915, 4);
  });
});

describe("cohenKappa behaviour", () => {
  it("skips pairs where either label is missing", () => {
    const result = cohenKappa(["yes", null, "no", "no", undefined], ["yes", "no", "no", null, "yes"]);
    expect(result).toEqual({ kappa: 1, n: 2, observedAgreement: 1, expectedAgreement: 0.5 });
  });

  it("merges contingency tables additively", () => {
    const first = new ContingencyTable();
    const second = new ContingencyTable();
    first.add("yes", "yes", 20);
    first.add("yes", "no", 5);
    second.add("no", "yes", 10);
    second.add("no", "no", 15);
    first.merge(second);
    expect(first.kappa().kappa).toBeCloseTo(0.4, 12);
  });
});

describe("cohenKappa bad input", () => {
  it("returns null with a reason for empty or all-missing input", () => {
    expect(cohenKappa([], [])).toEqual({ kappa: null, n: 0, observedAgreement: null, expectedAgreement: null, reason: "no-paired-labels" });
    expect(cohenKappa(["yes", null], [null, "no"]).reason).toBe("no-paired-labels");
  });

  it("returns null when both annotators used one single category", () => {
    expect(cohenKappa(["no", "no", "no"], ["no", "no", "no"])).toEqual({
      kappa: null, n: 3, observedAgreement: 1, expectedAgreement: 1, reason: "no-variation",
    });
  });

  it("is not defined on a single paired unit, whether the pair agrees or not", () => {
    expect(cohenKappa(["yes"], ["no"])).toEqual({ kappa: null, n: 1, observedAgreement: 0, expectedAgreement: null, reason: "single-unit" });
    expect(cohenKappa(["yes", null], ["yes", "no"]).reason).toBe("single-unit");
  });

  it("throws a clear error on mismatched lengths or unknown labels", () => {
    expect(() => cohenKappa(["yes"], ["yes", "no"])).toThrow(/equal-length.*1 and 2/);
    expect(() => cohenKappa(["yes"], ["maybe"], ["yes", "no"])).toThrow(/"maybe" is not one of the given labels/);
  });
});

describe("pairwiseKappaMatrix", () => {
  const labels = new Map<string, Map<UnitKey, Label | null>>([
    ["ann", new Map<UnitKey, Label | null>([[0, "yes"], [1, "no"], [2, "yes"], [3, "no"]])],
    ["bob", new Map<UnitKey, Label | null>([[0, "yes"], [1, "no"], [2, "no"], [3, "no"]])],
    ["cy", new Map<UnitKey, Label | null>([[0, "yes"], [1, "no"], [9, "yes"]])],
  ]);

  it("computes kappa over the units each pair both labelled", () => {
    const result = pairwiseKappaMatrix(["ann", "bob", "cy"], labels);
    expect(result.annotators).toEqual(["ann", "bob", "cy"]);
    // ann/bob: p_o = 3/4, p_e = .5·.25 + .5·.75 = .5 → κ = .5
    expect(result.matrix[0]?.[1]).toBeCloseTo(0.5, 12);
    expect(result.matrix[1]?.[0]).toBeCloseTo(0.5, 12);
    expect(result.matrix[0]?.[2]).toBe(1);
    expect(result.matrix[1]?.[1]).toBe(1);
    expect(result.n).toEqual([[4, 4, 2], [4, 4, 2], [2, 2, 3]]);
  });

  it("gives null for annotators without labels or without overlap", () => {
    const result = pairwiseKappaMatrix(["ann", "ghost"], labels);
    expect(result.matrix).toEqual([[1, null], [null, null]]);
    expect(pairwiseKappaMatrix([], labels)).toEqual({ annotators: [], matrix: [], n: [] });
  });
});
