import { describe, expect, it } from "vitest";
import { buildAttributeUnits, buildSentenceLabelUnits, buildSpanAttributeUnits } from "./attribute-units";
import { DOC1, DOC2 } from "./agreement-fixture";
import { krippendorffAlpha } from "./krippendorff-alpha";

describe("buildSentenceLabelUnits", () => {
  it("makes one unit per sentence with one column per annotator", () => {
    const tables = buildSentenceLabelUnits([...DOC1, ...DOC2]);
    expect([...tables.keys()]).toEqual(["sentence.checkworthy"]);
    expect(tables.get("sentence.checkworthy")).toEqual({
      key: "sentence.checkworthy",
      annotators: ["ann", "bob", "cy"],
      unitIds: ["doc1/sentence:0:SENTENCE", "doc1/sentence:1:SENTENCE", "doc1/sentence:2:SENTENCE", "doc1/sentence:3:SENTENCE", "doc2/sentence:0:SENTENCE", "doc2/sentence:1:SENTENCE"],
      units: [["yes", "yes", "yes"], ["no", "no", "yes"], ["yes", "no", null], ["no", "no", "no"], ["yes", "yes", null], ["no", "yes", null]],
    });
  });

  it("splits stance into one key per target; an unlisted target is missing, not neutral", () => {
    const tables = buildSentenceLabelUnits([
      { id: "1", documentId: "d", annotatorId: "ann", type: "SENTENCE", sentenceIndex: 0, attributes: { stance: [{ target: "tax", value: 2 }, { target: "union", value: -1 }] } },
      { id: "2", documentId: "d", annotatorId: "bob", type: "SENTENCE", sentenceIndex: 0, attributes: { stance: [{ target: "tax", value: 1 }, { target: 7, value: 1 }] } },
    ]);
    expect([...tables.keys()]).toEqual(["sentence.stance:tax", "sentence.stance:union"]);
    expect(tables.get("sentence.stance:tax")?.units).toEqual([[2, 1]]);
    expect(tables.get("sentence.stance:union")?.units).toEqual([[-1, null]]);
  });

  it("measures whose stance it is as a nominal key per target", () => {
    const tables = buildSentenceLabelUnits([
      { id: "1", documentId: "d", annotatorId: "ann", type: "SENTENCE", sentenceIndex: 0, attributes: { stance: [{ target: "tax", value: 2, holder: "author" }] } },
      { id: "2", documentId: "d", annotatorId: "bob", type: "SENTENCE", sentenceIndex: 0, attributes: { stance: [{ target: "tax", value: 2, holder: "republisher" }] } },
    ]);
    expect([...tables.keys()]).toEqual(["sentence.stance:tax", "sentence.stanceHolder:tax"]);
    expect(tables.get("sentence.stanceHolder:tax")?.units).toEqual([["author", "republisher"]]);
  });
});

describe("buildSpanAttributeUnits", () => {
  it("makes one unit per matched span group, keyed by type and attribute", () => {
    const tables = buildSpanAttributeUnits(DOC1);
    expect([...tables.keys()].sort()).toEqual(["CLAIM.checkworthy", "CLAIM.stance:tax", "QUOTE.form", "QUOTE.speaker"]);
    expect(tables.get("CLAIM.stance:tax")).toMatchObject({ annotators: ["ann", "bob", "cy"], unitIds: ["doc1/CLAIM:0:40"], units: [[2, 1, 2]] });
    expect(tables.get("QUOTE.speaker")?.units).toEqual([["e1", "e2", null]]);
  });
});

describe("buildAttributeUnits", () => {
  it("combines both kinds with sorted keys and feeds alpha directly", () => {
    const tables = buildAttributeUnits([...DOC1, ...DOC2]);
    expect([...tables.keys()]).toEqual(["CLAIM.checkworthy", "CLAIM.stance:tax", "QUOTE.form", "QUOTE.speaker", "sentence.checkworthy"]);
    // Hand computation: n = 15 (8 yes, 7 no), o(yes,no) = 3 → α = 1 − 14·3/(8·7) = 0.25.
    expect(krippendorffAlpha(tables.get("sentence.checkworthy")?.units ?? [], "nominal").alpha).toBeCloseTo(0.25, 12);
  });

  it("returns an empty map for no annotations or attribute-less annotations", () => {
    expect(buildAttributeUnits([]).size).toBe(0);
    expect(buildAttributeUnits([{ id: "x", documentId: "d", annotatorId: "ann", type: "CLAIM", start: 0, end: 5, attributes: {} }]).size).toBe(0);
  });
});
