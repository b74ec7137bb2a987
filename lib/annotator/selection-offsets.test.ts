import { describe, expect, it } from "vitest";
import { codePointOfDomPoint, orderedRange, trimRange } from "./selection-offsets";

describe("codePointOfDomPoint", () => {
  it("adds the piece's code-point start to the offset inside it", () => {
    expect(codePointOfDomPoint({ pieceStart: 100, pieceText: "hello world", utf16Offset: 6 })).toBe(106);
  });

  it("counts an emoji before the point as one code point", () => {
    // "a😀b": the emoji is two UTF-16 units; after it the DOM offset is 3, the code point offset 2.
    expect(codePointOfDomPoint({ pieceStart: 10, pieceText: "a😀b", utf16Offset: 3 })).toBe(12);
    expect(codePointOfDomPoint({ pieceStart: 10, pieceText: "a😀b", utf16Offset: 4 })).toBe(13);
  });

  it("rounds a point inside a surrogate pair forward and clamps out-of-range offsets", () => {
    expect(codePointOfDomPoint({ pieceStart: 0, pieceText: "a😀b", utf16Offset: 2 })).toBe(2);
    expect(codePointOfDomPoint({ pieceStart: 5, pieceText: "abc", utf16Offset: 99 })).toBe(8);
    expect(codePointOfDomPoint({ pieceStart: 5, pieceText: "abc", utf16Offset: -1 })).toBe(5);
  });
});

describe("orderedRange", () => {
  it("orders a backwards selection and rejects an empty one", () => {
    expect(orderedRange(9, 3)).toEqual({ start: 3, end: 9 });
    expect(orderedRange(3, 9)).toEqual({ start: 3, end: 9 });
    expect(orderedRange(4, 4)).toBeNull();
  });
});

describe("trimRange", () => {
  const text = [..." said 😀 Lavrov "];
  it("drops white space at both ends, counting code points", () => {
    expect(trimRange(text, 0, { start: 0, end: text.length })).toEqual({ start: 1, end: text.length - 1 });
  });

  it("works on a window of the text that starts at `base`", () => {
    expect(trimRange(text.slice(5), 5, { start: 5, end: 8 })).toEqual({ start: 6, end: 7 });
  });

  it("returns null for a range of only white space", () => {
    expect(trimRange(text, 0, { start: 0, end: 1 })).toBeNull();
  });
});
