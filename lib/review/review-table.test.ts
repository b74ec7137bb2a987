import { describe, expect, it } from "vitest";
import { formatAttribute, matchesBySentence, versionRows } from "./review-table";
import type { ReviewAnnotationView, ReviewMatchView } from "./review-types";

const version = (authorId: string, over: Partial<ReviewAnnotationView> = {}): ReviewAnnotationView => ({
  id: `${authorId}-v`, layer: "annotator", authorId, type: "QUOTE", start: 18, end: 49, sentenceIndex: null, attributes: { form: "direct" },
  speaker: null, origin: "manual", version: 1, text: "the tax cut will pay for itself", ...over,
});
const match = (over: Partial<ReviewMatchView>): ReviewMatchView => ({
  key: "QUOTE:18:49", kind: "span", source: "annotators", type: "QUOTE", start: 18, end: 49, sentenceIndex: null, agreed: false,
  differences: [], missingAnnotators: [], versions: [], decision: null, gold: null, open: true, ...over,
});

describe("matchesBySentence", () => {
  const sentences = [{ index: 0, start: 0, end: 50 }, { index: 1, start: 51, end: 71 }, { index: 2, start: 72, end: 105 }];
  it("puts a span on every sentence it touches and sentence labels on their own row", () => {
    const cross = match({ key: "CLAIM:40:60", start: 40, end: 60 });
    const inner = match({ key: "QUOTE:18:49" });
    const label = match({ key: "sentence:2:SENTENCE", kind: "sentence", start: null, end: null, sentenceIndex: 2 });
    const empty = match({ key: "CLAIM:71:71", start: 71, end: 71 });
    const map = matchesBySentence(sentences, [cross, inner, label, empty]);
    expect(map.get(0)?.map((m) => m.key)).toEqual(["CLAIM:40:60", "QUOTE:18:49"]);
    expect(map.get(1)?.map((m) => m.key)).toEqual(["CLAIM:40:60"]);
    expect(map.get(2)?.map((m) => m.key)).toEqual(["sentence:2:SENTENCE", "CLAIM:71:71"]);
  });
});

describe("versionRows", () => {
  it("lays versions side by side per annotator and flags what differs", () => {
    const m = match({
      differences: ["boundaries", "missing", "attribute:speaker"],
      versions: [version("a", { speaker: { id: "e1", name: "The minister", type: "PERSON" } }), version("b", { start: 18, end: 50, text: "the tax cut will pay for itself.", speaker: { id: "e2", name: "A spokesperson", type: "PERSON" } })],
    });
    const rows = versionRows(m, ["a", "b", "c"]);
    expect(rows.map((r) => [r.label, r.values, r.differs])).toEqual([
      ["Text", ["the tax cut will pay for itself", "the tax cut will pay for itself.", null], true],
      ["Offsets", ["18–49", "18–50", null], true],
      ["Speaker", ["The minister", "A spokesperson", null], true],
      ["form", ["direct", "direct", null], false],
    ]);
  });

  it("formats stance lists, spans and missing values as text", () => {
    expect(formatAttribute("stance", [{ target: "US", value: -2 }, { target: "China", value: 1 }])).toBe("China: +1 (for); US: -2 (strongly against)");
    expect(formatAttribute("stance", [{ target: "US", value: -2, holder: "source" }])).toBe("US: -2 (strongly against) · source's");
    expect(formatAttribute("cue", { start: 3, end: 7 })).toBe("3–7");
    expect(formatAttribute("kind", undefined)).toBe("—");
    expect(formatAttribute("note", "<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });
});
