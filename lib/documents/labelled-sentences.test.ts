import { describe, expect, it } from "vitest";
import { countLabelled } from "./labelled-sentences";

const sentences = [
  { index: 0, start: 0, end: 10 },
  { index: 1, start: 11, end: 20 },
  { index: 2, start: 21, end: 30 },
  { index: 3, start: 31, end: 40 },
];
const span = (start: number, end: number) => ({ start, end, sentenceIndex: null });
const label = (sentenceIndex: number) => ({ start: null, end: null, sentenceIndex });

describe("countLabelled", () => {
  it("counts sentences with a sentence label or an overlapping span, once each", () => {
    expect(countLabelled(sentences, [])).toBe(0);
    expect(countLabelled(sentences, [label(3), label(3)])).toBe(1);
    expect(countLabelled(sentences, [span(2, 5), span(3, 4)])).toBe(1);
    // A span across sentences 1 and 2, a long span started earlier still reaching sentence 3.
    expect(countLabelled(sentences, [span(15, 25)])).toBe(2);
    expect(countLabelled(sentences, [span(0, 35), span(1, 2)])).toBe(4);
    // Touching is not overlapping: [10, 11) sits in the gap between sentences 0 and 1.
    expect(countLabelled(sentences, [span(10, 11), label(0)])).toBe(1);
  });

  it("matches a brute-force count on random input", () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 200; round++) {
      const annotations = Array.from({ length: rand(8) }, () => {
        if (rand(3) === 0) return label(rand(4));
        const start = rand(40);
        return span(start, start + 1 + rand(15));
      });
      const brute = sentences.filter((s) =>
        annotations.some((a) => (a.start === null ? a.sentenceIndex === s.index : a.start < s.end && a.end! > s.start)),
      ).length;
      expect(countLabelled(sentences, annotations)).toBe(brute);
    }
  });
});
