import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { comparisonChunks, normalizeForComparison, normalizedTextHash } from "./normalize";

// The one-pass definition the chunked folding must reproduce.
function foldedInOnePass(text: string): string {
  return text
    .normalize("NFC")
    .toUpperCase()
    .toLowerCase()
    .replace(/ς/gu, "σ")
    .normalize("NFC")
    .replace(/\s+/gu, " ")
    .trim();
}

const FOLDING_PIECES = [
  "Cafe", "\u0301", "\u0327", "ΟΔΟΣ", "Σ", "ß", "İ", "Ёж", "ﬁ", "😀", "\ud800", " ", "  ", "\n", "\r\n",
  "\t", "\u00a0", "\u2000", "\u2028", "word", ".", "«",
];

describe("normalizeForComparison", () => {
  it("composes, case-folds and collapses whitespace", () => {
    expect(normalizeForComparison("  Cafe\u0301\r\n\tSTRASSE  Straße ΟΔΟΣ ")).toBe("café strasse strasse οδοσ");
    expect(normalizeForComparison("Ёж\u00a0 Ёж")).toBe("ёж ёж");
  });

  it("folds chunk by chunk exactly as in one pass", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FOLDING_PIECES), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (pieces, chunkChars) => {
        const text = pieces.join("");
        expect(Array.from(comparisonChunks(text, chunkChars)).join("")).toBe(foldedInOnePass(text));
      }),
      { numRuns: 500 },
    );
  });

  it("maps empty and whitespace-only text to the empty string", () => {
    expect(normalizeForComparison("")).toBe("");
    expect(normalizeForComparison(" \n\u2028 ")).toBe("");
  });
});

describe("normalizedTextHash", () => {
  it("is the SHA-256 of the normalized text", () => {
    expect(normalizedTextHash("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(normalizedTextHash(" ABC\n")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("ignores normalization form, case and whitespace but not wording", () => {
    const a = normalizedTextHash("Путин  сказал:\r\n«Да».");
    expect(normalizedTextHash("путин сказал: «ДА».")).toBe(a);
    expect(normalizedTextHash("путин сказал: «нет».")).not.toBe(a);
    expect(normalizedTextHash("e\u0301")).toBe(normalizedTextHash("\u00e9"));
  });
});
