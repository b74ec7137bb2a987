import { describe, expect, it } from "vitest";
import { prepareDocument } from "@/lib/export/prepare";
import { parseSentences, stanceOf, toExportDocument, toLayerAnnotations, type AnnotationRow, type DocumentRow } from "./to-export";

const doc: DocumentRow = {
  id: "d1", title: "T", text: "Путин 👍 said «да».", language: "ru", source: null, original_source: null, author: null, url: null,
  published_at: new Date("2024-05-06T00:00:00Z"), meta: { a: 1 }, tags: ["x"], signed_off_at: new Date("2025-01-01T00:00:00Z"), signed_off_by_id: "rev",
};
const row = (over: Partial<AnnotationRow>): AnnotationRow => ({
  id: "a", document_id: "d1", layer: "GOLD", author_id: "u1", type: "QUOTE", start: 14, end: 16, sentence_index: null, attributes: {},
  speaker_id: null, speaker_name: null, speaker_type: null, ...over,
});
const options = { split: "train" as const, includeAnnotatorLayers: false, spanTypes: null, annotators: ["u1"], schemaVersion: 2 };

describe("toExportDocument", () => {
  it("moves stance, cue, speaker mention and speaker out of the attributes and keeps the rest", () => {
    const d = toExportDocument(doc, { index: [0], start: [0], end: [18], kind: ["CONTENT"] }, [
      row({ attributes: { form: "direct", stance: [{ target: "B", value: 1 }, { target: "A", value: -2, holder: "author" }], cue: { start: 8, end: 12 }, speakerMention: { start: 0, end: 5 } }, speaker_id: "e1", speaker_name: "Путин", speaker_type: "person" }),
    ], options);
    expect(d.spans).toEqual([
      { id: "a", type: "QUOTE", start: 14, end: 16, attributes: { form: "direct" }, stance: [{ target: "B", value: 1, holder: "source" }, { target: "A", value: -2, holder: "author" }], speaker: { id: "e1", name: "Путин", type: "person" }, cue: { start: 8, end: 12 }, speakerMention: { start: 0, end: 5 }, layer: "gold" },
    ]);
    expect(d.publishedAt).toBe("2024-05-06T00:00:00.000Z");
    expect(d.provenance).toEqual({ annotators: ["u1"], reviewer: "rev", signedOffAt: "2025-01-01T00:00:00.000Z", schemaVersion: 2 });
    expect(prepareDocument(d).slice(14, 16)).toBe("да");
  });

  it("drops malformed stance entries and out-of-range cues instead of failing the export", () => {
    expect(stanceOf([{ target: "A", value: 3 }, { target: "", value: 1 }, { target: "B", value: 1.5 }, { target: "C", value: -1 }, { target: "C", value: 2 }, "x"], "CLAIM")).toEqual([{ target: "C", value: -1, holder: "author" }]);
    const d = toExportDocument(doc, undefined, [row({ attributes: { cue: { start: 5, end: 500 }, speakerMention: { start: 3, end: 3 } } })], options);
    expect(d.spans[0]).toMatchObject({ cue: null, speakerMention: null });
  });

  it("merges gold sentence labels, skips annotator layers unless asked and filters span types", () => {
    const rows = [
      row({ id: "s1", type: "SENTENCE", start: null, end: null, sentence_index: 0, attributes: { checkworthy: "yes" } }),
      row({ id: "s2", type: "SENTENCE", start: null, end: null, sentence_index: 0, attributes: { stance: [{ target: "A", value: 0 }] } }),
      row({ id: "u", layer: "ANNOTATOR", author_id: "u2" }),
      row({ id: "c", type: "CLAIM", start: 0, end: 5 }),
      row({}),
    ];
    const sentences = { index: [0, 1], start: [0, 6], end: [5, 18], kind: ["CONTENT", "BOILERPLATE"] };
    const d = toExportDocument(doc, sentences, rows, options);
    expect(d.sentences).toEqual([
      { index: 0, start: 0, end: 5, kind: "content", labels: { checkworthy: "yes", stance: [{ target: "A", value: 0, holder: "author" }] } },
      { index: 1, start: 6, end: 18, kind: "boilerplate", labels: null },
    ]);
    expect(d.spans.map((s) => s.id)).toEqual(["c", "a"]);
    const all = toExportDocument(doc, sentences, rows, { ...options, includeAnnotatorLayers: true, spanTypes: new Set(["QUOTE"]) });
    expect(all.spans.map((s) => [s.id, s.layer])).toEqual([["u", "annotator:u2"], ["a", "gold"]]);
  });

  it("carries other sentence choices (check-worthiness sub-questions) by name", () => {
    const rows = [
      row({ id: "s1", type: "SENTENCE", start: null, end: null, sentence_index: 0, attributes: { checkworthy: "no", checkworthy_verifiable: "yes", stance: [] } }),
      row({ id: "s2", type: "SENTENCE", start: null, end: null, sentence_index: 1, attributes: { checkworthy_harmful: "no", note: 5 } }),
    ];
    const d = toExportDocument(doc, { index: [0, 1], start: [0, 6], end: [5, 18], kind: ["CONTENT", "CONTENT"] }, rows, options);
    expect(d.sentences.map((s) => s.labels)).toEqual([{ checkworthy: "no", choices: { checkworthy_verifiable: "yes" } }, { choices: { checkworthy_harmful: "no" } }]);
  });

  it("gives the agreement code annotator rows only, speaker as a reference", () => {
    const layers = toLayerAnnotations([row({ id: "g" }), row({ id: "u", layer: "ANNOTATOR", speaker_id: "e1", attributes: { form: "direct", cue: { start: 1, end: 2 } } })]);
    expect(layers).toEqual([{ id: "u", documentId: "d1", annotatorId: "u1", type: "QUOTE", start: 14, end: 16, sentenceIndex: null, attributes: { form: "direct", speaker: { id: "e1" } } }]);
  });

  it("unpacks the aggregated sentence rows", () => {
    expect(parseSentences("0,0,18,CONTENT;1,20,69,BOILERPLATE")).toEqual({ index: [0, 1], start: [0, 20], end: [18, 69], kind: ["CONTENT", "BOILERPLATE"] });
  });
});
