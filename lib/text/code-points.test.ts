import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CodePointIndex, codePointLength, sliceCodePoints } from "./code-points";

// "a😀b": 😀 is U+1F600, a surrogate pair in UTF-16.
const EMOJI = "a\u{1F600}b";
const MIXED = "Путин 👍🏽 said:\r\n«Да.» 🇷🇺!";

describe("codePointLength", () => {
  it("counts a surrogate pair as one code point", () => {
    expect(EMOJI.length).toBe(4);
    expect(codePointLength(EMOJI)).toBe(3);
  });

  it("counts Cyrillic, CRLF and emoji sequences code point by code point", () => {
    // 👍🏽 is two code points (base + skin tone), 🇷🇺 two regional indicators.
    expect(codePointLength(MIXED)).toBe(25);
    expect(codePointLength("\r\n")).toBe(2);
    expect(codePointLength("Привет")).toBe(6);
  });

  it("returns 0 for the empty string and counts lone surrogates as one each", () => {
    expect(codePointLength("")).toBe(0);
    expect(codePointLength("\uD83Dx\uDE00")).toBe(3);
  });
});

describe("sliceCodePoints", () => {
  it("slices around emoji by code points", () => {
    expect(sliceCodePoints(EMOJI, 1, 2)).toBe("\u{1F600}");
    expect(sliceCodePoints(EMOJI, 2, 3)).toBe("b");
    expect(sliceCodePoints(EMOJI, 0, 3)).toBe(EMOJI);
    expect(sliceCodePoints(EMOJI, 3, 3)).toBe("");
  });

  it("slices Cyrillic text and keeps CRLF intact", () => {
    expect(sliceCodePoints(MIXED, 0, 5)).toBe("Путин");
    expect(sliceCodePoints(MIXED, 14, 16)).toBe("\r\n");
    expect(sliceCodePoints(MIXED, 16, 21)).toBe("«Да.»");
    expect(sliceCodePoints(MIXED, 22, 24)).toBe("🇷🇺");
  });

  it("rejects negative, fractional, reversed and out-of-range offsets", () => {
    expect(() => sliceCodePoints(EMOJI, -1, 2)).toThrow(RangeError);
    expect(() => sliceCodePoints(EMOJI, 0.5, 2)).toThrow("start must be a non-negative integer, got 0.5");
    expect(() => sliceCodePoints(EMOJI, 2, 1)).toThrow("end (1) is before start (2)");
    expect(() => sliceCodePoints(EMOJI, 0, 4)).toThrow("end (4) is past the text's 3 code points");
    expect(() => sliceCodePoints(EMOJI, 5, 6)).toThrow(RangeError);
  });
});

describe("CodePointIndex", () => {
  it("converts both ways around a surrogate pair", () => {
    const index = new CodePointIndex(EMOJI);
    expect(index.length).toBe(3);
    expect(index.utf16Length).toBe(4);
    expect([0, 1, 3, 4].map((u) => index.toCodePoint(u))).toEqual([0, 1, 2, 3]);
    expect([0, 1, 2, 3].map((c) => index.toUtf16(c))).toEqual([0, 1, 3, 4]);
  });

  it("is the identity for text without astral characters (Cyrillic, CRLF)", () => {
    const text = "Да.\r\nНет.";
    const index = new CodePointIndex(text);
    for (let i = 0; i <= text.length; i++) {
      expect(index.toCodePoint(i)).toBe(i);
      expect(index.toUtf16(i)).toBe(i);
    }
  });

  it("handles several emoji in a row", () => {
    const text = "😀😀x😀";
    const index = new CodePointIndex(text);
    expect(index.length).toBe(4);
    expect([0, 1, 2, 3, 4].map((c) => index.toUtf16(c))).toEqual([0, 2, 4, 5, 7]);
    expect([0, 2, 4, 5, 7].map((u) => index.toCodePoint(u))).toEqual([0, 1, 2, 3, 4]);
  });

  it("rejects indices inside a pair, past the end, or not integers", () => {
    const index = new CodePointIndex(EMOJI);
    expect(() => index.toCodePoint(2)).toThrow("utf16 (2) splits a surrogate pair");
    expect(() => index.toCodePoint(5)).toThrow("utf16 (5) is past the text's 4 code units");
    expect(() => index.toUtf16(4)).toThrow("cp (4) is past the text's 3 code points");
    expect(() => index.toUtf16(-1)).toThrow(RangeError);
    expect(() => index.toCodePoint(Number.NaN)).toThrow(RangeError);
  });

  it("counts lone surrogates as one code point each, next to a pair", () => {
    // high, pair, low, x, trailing high
    const text = "\uD800\uD83D\uDE00\uDC00x\uD800";
    const index = new CodePointIndex(text);
    expect(index.length).toBe(Array.from(text).length);
    expect([0, 1, 2, 3, 4, 5].map((c) => index.toUtf16(c))).toEqual([0, 1, 3, 4, 5, 6]);
    expect(() => index.toCodePoint(2)).toThrow("splits a surrogate pair");
  });

  it("agrees with Array.from for arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const units = Array.from(text);
        const index = new CodePointIndex(text);
        expect(index.length).toBe(units.length);
        expect(codePointLength(text)).toBe(units.length);
        let utf16 = 0;
        for (let cp = 0; cp <= units.length; cp++) {
          expect(index.toUtf16(cp)).toBe(utf16);
          expect(index.toCodePoint(utf16)).toBe(cp);
          utf16 += units[cp]?.length ?? 0;
        }
        const mid = Math.floor(units.length / 2);
        expect(sliceCodePoints(text, mid, units.length)).toBe(units.slice(mid).join(""));
      }),
    );
  });
});
