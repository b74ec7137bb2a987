import { describe, expect, it } from "vitest";
import { matchesFilter, sentenceAt, spansBySentence } from "./span-index";

const sentences = [
  { start: 0, end: 10 },
  { start: 11, end: 20 },
  { start: 21, end: 30 },
];

describe("spansBySentence", () => {
  it("files a span under every sentence it touches, including across boundaries", () => {
    const spans = [
      { id: "a", start: 2, end: 5 },
      { id: "b", start: 8, end: 25 },
      { id: "c", start: 20, end: 21 },
      { id: "d", start: 29, end: 30 },
    ];
    const map = spansBySentence(sentences, spans);
    expect([...map.entries()].map(([i, list]) => [i, list.map((s) => s.id)])).toEqual([
      [0, ["a", "b"]],
      [1, ["b"]],
      [2, ["b", "d"]],
    ]);
  });

  it("a span in a gap between sentences touches none", () => {
    expect(spansBySentence(sentences, [{ id: "gap", start: 10, end: 11 }]).size).toBe(0);
  });

  it("sentenceAt finds the containing or next sentence", () => {
    expect(sentenceAt(sentences, 0)).toBe(0);
    expect(sentenceAt(sentences, 10)).toBe(1);
    expect(sentenceAt(sentences, 25)).toBe(2);
    expect(sentenceAt(sentences, 99)).toBe(2);
  });
});

describe("matchesFilter", () => {
  const quote = { type: "QUOTE", speaker: { id: "e1" }, attributes: { stance: [{ target: "Ukraine", value: 1 }] } };
  it("matches by type, speaker and stance target; empty filter matches all", () => {
    expect(matchesFilter(quote, { type: "", speakerId: "", target: "" })).toBe(true);
    expect(matchesFilter(quote, { type: "QUOTE", speakerId: "e1", target: "Ukraine" })).toBe(true);
    expect(matchesFilter(quote, { type: "CLAIM", speakerId: "", target: "" })).toBe(false);
    expect(matchesFilter(quote, { type: "", speakerId: "e2", target: "" })).toBe(false);
    expect(matchesFilter(quote, { type: "", speakerId: "", target: "United States / the West" })).toBe(false);
    expect(matchesFilter({ ...quote, attributes: {} }, { type: "", speakerId: "", target: "Ukraine" })).toBe(false);
  });
});
