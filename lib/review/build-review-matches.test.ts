import { describe, expect, it } from "vitest";
import { buildReviewMatches, countMatches, toLayerAnnotation } from "./build-review-matches";
import type { ReviewAnnotationView, ReviewDecisionView } from "./review-types";

let n = 0;
const view = (authorId: string, over: Partial<ReviewAnnotationView>): ReviewAnnotationView => ({
  id: `a${++n}`, layer: "annotator", authorId, type: "CLAIM", start: 0, end: 10, sentenceIndex: null, attributes: {}, speaker: null,
  origin: "manual", version: 1, text: null, ...over,
});
const decision = (matchKey: string, over: Partial<ReviewDecisionView> = {}): ReviewDecisionView => ({
  matchKey, decision: "accept", reason: null, reviewerId: "rev", goldAnnotationId: null, version: 1, updatedAt: "2026-01-01T00:00:00.000Z", ...over,
});

describe("buildReviewMatches", () => {
  it("compares the speaker column as an attribute", () => {
    const a = view("ann", { type: "QUOTE", speaker: { id: "e1", name: "X", type: "PERSON" } });
    expect(toLayerAnnotation("d", a).attributes).toEqual({ speaker: { id: "e1" } });
    const matches = buildReviewMatches({
      documentId: "d", annotatorIds: ["ann", "bob"], decisions: [], gold: [],
      annotations: [a, view("bob", { type: "QUOTE", speaker: { id: "e2", name: "Y", type: "PERSON" } })],
    });
    expect(matches.map((m) => [m.key, m.differences, m.open])).toEqual([["QUOTE:0:10", ["attribute:speaker"], true]]);
  });

  it("agrees on a stance only when its holder matches too; a missing holder is the type's default", () => {
    const quote = (authorId: string, stance: unknown[]) => view(authorId, { type: "QUOTE", attributes: { form: "direct", stance } });
    const run = (a: unknown[], b: unknown[]) =>
      buildReviewMatches({ documentId: "d", annotatorIds: ["ann", "bob"], decisions: [], gold: [], annotations: [quote("ann", a), quote("bob", b)] }).map((m) => [m.agreed, m.differences]);
    expect(run([{ target: "T", value: 1, holder: "source" }], [{ target: "T", value: 1, holder: "author" }])).toEqual([[false, ["attribute:stance"]]]);
    expect(run([{ target: "T", value: 1 }], [{ target: "T", value: 1, holder: "source" }])).toEqual([[true, []]]);
  });

  it("joins decisions and gold; decisions without a group come back as the reviewer's own", () => {
    const gold = view("rev", { id: "g1", layer: "gold", start: 20, end: 30 });
    const goldAdded = view("rev", { id: "g2", layer: "gold", type: "SENTENCE", start: null, end: null, sentenceIndex: 1 });
    const matches = buildReviewMatches({
      documentId: "d",
      annotatorIds: ["ann", "bob"],
      annotations: [view("ann", { start: 20, end: 30 }), view("bob", { start: 20, end: 31 }), view("ann", { start: 40, end: 50 })],
      decisions: [decision("CLAIM:20:30", { goldAnnotationId: "g1" }), decision("added:x", { decision: "add", goldAnnotationId: "g2" })],
      gold: [gold, goldAdded],
      sentenceStarts: new Map([[0, 0], [1, 35]]),
    });
    expect(matches.map((m) => [m.key, m.source, m.open, m.gold?.id ?? null])).toEqual([
      ["CLAIM:20:30", "annotators", false, "g1"],
      ["added:x", "reviewer", false, "g2"],
      ["CLAIM:40:50", "annotators", true, null],
    ]);
    expect(matches[1]).toMatchObject({ kind: "sentence", sentenceIndex: 1, type: "SENTENCE" });
    expect(countMatches(matches)).toEqual({ matches: 3, agreed: 0, disagreements: 2, open: 1, decided: 2 });
  });

  it("an agreed match is never open, decided or not", () => {
    const matches = buildReviewMatches({ documentId: "d", annotatorIds: ["ann"], annotations: [view("ann", {})], decisions: [], gold: [] });
    expect(matches[0]).toMatchObject({ agreed: true, open: false, decision: null });
  });
});
