import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { chunksAtWhitespace, collapseWhitespace, countMatchedUnits } from "./whitespace";

const PIECES = ["word", "Мир", "😀", "e\u0301", " ", "  ", "\n", "\r\n", "\t", "\u00a0", "\u2028", "\u3000", "."];

describe("chunksAtWhitespace / collapseWhitespace", () => {
  it("chunks cover the text and collapse exactly like one global replace", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), fc.integer({ min: 1, max: 16 }), (pieces, size) => {
        const text = pieces.join("");
        const chunks = Array.from(chunksAtWhitespace(text, size));
        expect(chunks.join("")).toBe(text);
        expect(chunks.every((c) => c !== "")).toBe(true);
        expect(collapseWhitespace(text, size)).toBe(text.replace(/\s+/gu, " "));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps a text without whitespace in one chunk", () => {
    expect(Array.from(chunksAtWhitespace("abcdefgh", 3))).toEqual(["abcdefgh"]);
    expect(Array.from(chunksAtWhitespace("", 3))).toEqual([]);
  });
});

describe("countMatchedUnits", () => {
  it("counts the units a global pattern matches", () => {
    expect(countMatchedUnits("Мир peace 😀", /\p{Script=Latin}+/gu)).toBe(5);
    expect(countMatchedUnits("Мир peace 😀", /\p{Script=Cyrillic}+/gu)).toBe(3);
    expect(countMatchedUnits("", /\p{L}+/gu)).toBe(0);
  });
});
