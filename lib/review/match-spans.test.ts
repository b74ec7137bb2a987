import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { LayerAnnotation } from "@/lib/agreement/layer-annotation";
import { spanAgreement } from "@/lib/agreement/span-agreement";
import { matchSentenceLabels, matchSpans } from "./match-spans";

let counter = 0;
function span(annotatorId: string, type: string, start: number, end: number, attributes: Record<string, unknown> = {}): LayerAnnotation {
  counter += 1;
  return { id: `${annotatorId}-${type}-${start}-${end}-${counter}`, documentId: "doc1", annotatorId, type, start, end, attributes };
}
function sentence(annotatorId: string, sentenceIndex: number, attributes: Record<string, unknown>): LayerAnnotation {
  counter += 1;
  return { id: `${annotatorId}-s${sentenceIndex}-${counter}`, documentId: "doc1", annotatorId, type: "SENTENCE", sentenceIndex, attributes };
}
const summary = (groups: ReturnType<typeof matchSpans>) =>
  groups.map((g) => ({ key: g.key, annotators: g.members.map((m) => m.annotatorId), agreed: g.agreed, differences: g.differences }));

// "The minister said the tax cut "will pay for itself", a claim economists dispute."
// CLAIM [0, 80), QUOTE [30, 51) nested inside it.
const claimYes = { checkworthy: "yes", stance: [{ target: "tax cut", value: 1 }] };
const directQuote = { form: "direct", speaker: { id: "minister" }, stance: [{ target: "tax cut", value: 2 }] };

describe("matchSpans", () => {
  it("groups identical spans of two annotators as agreed, nested spans separately", () => {
    const groups = matchSpans([
      span("ann", "CLAIM", 0, 80, claimYes),
      span("ann", "QUOTE", 30, 51, directQuote),
      span("bob", "QUOTE", 30, 51, { ...directQuote }),
      span("bob", "CLAIM", 0, 80, { stance: [{ value: 1, target: "tax cut" }], checkworthy: "yes" }),
    ]);
    expect(summary(groups)).toEqual([
      { key: "CLAIM:0:80", annotators: ["ann", "bob"], agreed: true, differences: [] },
      { key: "QUOTE:30:51", annotators: ["ann", "bob"], agreed: true, differences: [] },
    ]);
    expect(groups[0]).toMatchObject({ documentId: "doc1", type: "CLAIM", start: 0, end: 80, missingAnnotators: [] });
  });

  it("flags the annotator who missed a span (3 annotators)", () => {
    const groups = matchSpans([
      span("ann", "QUOTE", 30, 51, directQuote),
      span("bob", "QUOTE", 30, 51, directQuote),
      span("cy", "CLAIM", 0, 80, claimYes),
    ]);
    expect(summary(groups)).toEqual([
      { key: "CLAIM:0:80", annotators: ["cy"], agreed: false, differences: ["missing"] },
      { key: "QUOTE:30:51", annotators: ["ann", "bob"], agreed: false, differences: ["missing"] },
    ]);
    expect(groups[1]?.missingAnnotators).toEqual(["cy"]);
  });

  it("groups boundary disagreements and keys them by the majority offsets", () => {
    const groups = matchSpans([
      span("ann", "QUOTE", 29, 52, directQuote),
      span("bob", "QUOTE", 30, 51, directQuote),
      span("cy", "QUOTE", 30, 51, directQuote),
    ]);
    expect(summary(groups)).toEqual([{ key: "QUOTE:30:51", annotators: ["ann", "bob", "cy"], agreed: false, differences: ["boundaries"] }]);
    expect(groups[0]).toMatchObject({ start: 30, end: 51 });
  });

  it("reports a different speaker and a different stance value as attribute differences", () => {
    const groups = matchSpans([
      span("ann", "QUOTE", 30, 51, directQuote),
      span("bob", "QUOTE", 30, 51, { ...directQuote, speaker: { id: "spokesperson" } }),
      span("cy", "QUOTE", 30, 51, { ...directQuote, stance: [{ target: "tax cut", value: 1 }] }),
    ]);
    expect(summary(groups)).toEqual([
      { key: "QUOTE:30:51", annotators: ["ann", "bob", "cy"], agreed: false, differences: ["attribute:speaker", "attribute:stance"] },
    ]);
  });

  it("treats stance lists as sets of targets but notices an added target", () => {
    const two = [{ target: "tax cut", value: 1 }, { target: "minister", value: -1 }];
    const same = matchSpans([span("ann", "CLAIM", 0, 80, { stance: two }), span("bob", "CLAIM", 0, 80, { stance: [...two].reverse() })]);
    expect(same[0]?.agreed).toBe(true);
    const extra = matchSpans([span("ann", "CLAIM", 0, 80, { stance: two }), span("bob", "CLAIM", 0, 80, { stance: two.slice(0, 1) })]);
    expect(extra[0]?.differences).toEqual(["attribute:stance"]);
  });

  it("pairs nested same-type spans by closest boundaries", () => {
    const groups = matchSpans([
      span("ann", "CLAIM", 0, 100),
      span("ann", "CLAIM", 10, 30),
      span("bob", "CLAIM", 0, 100),
      span("bob", "CLAIM", 10, 28),
    ]);
    expect(summary(groups)).toEqual([
      { key: "CLAIM:0:100", annotators: ["ann", "bob"], agreed: true, differences: [] },
      { key: "CLAIM:10:28", annotators: ["ann", "bob"], agreed: false, differences: ["boundaries"] },
    ]);
  });

  it("keeps a nested span its partner did not mark as its own group", () => {
    const groups = matchSpans([span("ann", "CLAIM", 0, 100), span("ann", "CLAIM", 10, 30), span("bob", "CLAIM", 0, 100)]);
    expect(summary(groups)).toEqual([
      { key: "CLAIM:0:100", annotators: ["ann", "bob"], agreed: true, differences: [] },
      { key: "CLAIM:10:30", annotators: ["ann"], agreed: false, differences: ["missing"] },
    ]);
  });

  it("does not chain overlaps into one group", () => {
    const groups = matchSpans([span("ann", "CLAIM", 0, 10), span("bob", "CLAIM", 8, 20), span("cy", "CLAIM", 18, 30)]);
    expect(summary(groups)).toEqual([
      { key: "CLAIM:0:10", annotators: ["ann", "bob"], agreed: false, differences: ["boundaries", "missing"] },
      { key: "CLAIM:18:30", annotators: ["cy"], agreed: false, differences: ["missing"] },
    ]);
  });

  it("never groups different types and orders by start, then type", () => {
    const groups = matchSpans([span("ann", "QUOTE", 0, 10), span("bob", "CLAIM", 0, 10), span("ann", "EDITORIAL", 12, 20), span("bob", "EDITORIAL", 12, 20)]);
    expect(groups.map((g) => g.key)).toEqual(["CLAIM:0:10", "QUOTE:0:10", "EDITORIAL:12:20"]);
  });

  it("gives an annotator's duplicate span its own group with a numbered key", () => {
    const groups = matchSpans([span("ann", "CLAIM", 0, 10), span("ann", "CLAIM", 0, 10), span("bob", "CLAIM", 0, 10)]);
    expect(summary(groups)).toEqual([
      { key: "CLAIM:0:10", annotators: ["ann", "bob"], agreed: true, differences: [] },
      { key: "CLAIM:0:10#2", annotators: ["ann"], agreed: false, differences: ["missing"] },
    ]);
  });

  it("counts assigned annotators with no annotations as missing", () => {
    const groups = matchSpans([span("ann", "CLAIM", 0, 10), span("bob", "CLAIM", 0, 10)], { annotators: ["dee"] });
    expect(groups[0]?.missingAnnotators).toEqual(["dee"]);
    expect(groups[0]?.differences).toEqual(["missing"]);
  });

  it("keeps documents apart and ignores sentence-level annotations", () => {
    const other = { ...span("bob", "CLAIM", 0, 10), documentId: "doc2" };
    const groups = matchSpans([span("ann", "CLAIM", 0, 10), other, sentence("ann", 0, { checkworthy: "yes" })]);
    expect(groups.map((g) => [g.documentId, g.key, g.differences])).toEqual([
      ["doc1", "CLAIM:0:10", []],
      ["doc2", "CLAIM:0:10", []],
    ]);
  });

  it("does not depend on input order", () => {
    const input = [
      span("ann", "CLAIM", 0, 100), span("ann", "CLAIM", 10, 30), span("bob", "CLAIM", 0, 100),
      span("bob", "CLAIM", 10, 28), span("cy", "CLAIM", 12, 29), span("cy", "QUOTE", 30, 51, directQuote),
    ];
    const expected = matchSpans(input);
    fc.assert(fc.property(fc.shuffledSubarray(input, { minLength: input.length }), (shuffled) => {
      expect(matchSpans(shuffled)).toEqual(expected);
    }), { numRuns: 50, seed: 7 });
  });

  it("matches like spanAgreement for two annotators", () => {
    const spanArb = fc.record({ type: fc.constantFrom("CLAIM", "QUOTE"), start: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 0, max: 12 }) });
    fc.assert(fc.property(fc.array(spanArb, { maxLength: 8 }), fc.array(spanArb, { maxLength: 8 }), (xs, ys) => {
      const a = xs.map((s) => ({ type: s.type, start: s.start, end: s.start + s.length }));
      const b = ys.map((s) => ({ type: s.type, start: s.start, end: s.start + s.length }));
      const groups = matchSpans([...a.map((s) => span("ann", s.type, s.start, s.end)), ...b.map((s) => span("bob", s.type, s.start, s.end))]);
      const paired = groups.filter((g) => g.members.length === 2);
      expect(paired.length).toBe(spanAgreement(a, b, "overlap").overall.tp);
      expect(paired.filter((g) => !g.differences.includes("boundaries")).length).toBe(spanAgreement(a, b, "exact").overall.tp);
    }), { numRuns: 400, seed: 42 });
  });

  it("handles empty input and rejects invalid offsets clearly", () => {
    expect(matchSpans([])).toEqual([]);
    expect(() => matchSpans([{ ...span("ann", "CLAIM", 10, 5), id: "bad-1" }])).toThrow(/annotation bad-1 has invalid offsets \[10, 5\)/);
  });
});

describe("matchSentenceLabels", () => {
  it("groups sentence labels by index and reports missing and differing attributes", () => {
    const groups = matchSentenceLabels([
      sentence("ann", 0, { checkworthy: "yes", stance: [{ target: "tax cut", value: 1 }] }),
      sentence("bob", 0, { checkworthy: "yes", stance: [{ target: "tax cut", value: 1 }] }),
      sentence("cy", 0, { checkworthy: "no", stance: [{ target: "tax cut", value: 1 }] }),
      sentence("ann", 1, { checkworthy: "no" }),
      sentence("bob", 1, { checkworthy: "no" }),
      sentence("ann", 2, { checkworthy: "yes" }),
      sentence("bob", 2, { checkworthy: "yes" }),
      sentence("cy", 2, { checkworthy: "yes" }),
      span("cy", "CLAIM", 0, 10),
    ]);
    expect(groups.map((g) => ({ key: g.key, annotators: g.members.map((m) => m.annotatorId), agreed: g.agreed, differences: g.differences }))).toEqual([
      { key: "sentence:0:SENTENCE", annotators: ["ann", "bob", "cy"], agreed: false, differences: ["attribute:checkworthy"] },
      { key: "sentence:1:SENTENCE", annotators: ["ann", "bob"], agreed: false, differences: ["missing"] },
      { key: "sentence:2:SENTENCE", annotators: ["ann", "bob", "cy"], agreed: true, differences: [] },
    ]);
    expect(groups[1]).toMatchObject({ sentenceIndex: 1, type: "SENTENCE", missingAnnotators: ["cy"] });
  });

  it("notices an attribute one annotator left out", () => {
    const groups = matchSentenceLabels([sentence("ann", 4, { checkworthy: "yes", stance: [] }), sentence("bob", 4, { checkworthy: "yes" })]);
    expect(groups[0]?.differences).toEqual(["attribute:stance"]);
  });

  it("handles empty input and rejects invalid sentence indices clearly", () => {
    expect(matchSentenceLabels([])).toEqual([]);
    expect(() => matchSentenceLabels([{ ...sentence("ann", -1, {}), id: "bad-2" }])).toThrow(/annotation bad-2 has invalid sentenceIndex -1/);
  });
});
