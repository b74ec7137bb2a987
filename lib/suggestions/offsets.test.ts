import { describe, expect, it } from "vitest";
import { buildOffsetIndex, sliceCodePoints } from "./offsets";

describe("buildOffsetIndex", () => {
  it("maps UTF-16 offsets to code points across an emoji", () => {
    const idx = buildOffsetIndex("a😀b");
    expect(idx.utf16Length).toBe(4);
    expect(idx.codePointLength).toBe(3);
    expect([0, 1, 3, 4].map((u) => idx.toCodePoint(u))).toEqual([0, 1, 2, 3]);
    expect([0, 1, 2, 3].map((c) => idx.toUtf16(c))).toEqual([0, 1, 3, 4]);
  });
  it("rejects offsets outside the text", () => {
    const idx = buildOffsetIndex("abc");
    expect(() => idx.toCodePoint(4)).toThrow(RangeError);
    expect(() => idx.toUtf16(-1)).toThrow(RangeError);
    expect(() => buildOffsetIndex(42 as unknown as string)).toThrow(TypeError);
  });
});

describe("sliceCodePoints", () => {
  it("slices by code points", () => expect(sliceCodePoints("😀«Hi»", 1, 5)).toBe("«Hi»"));
  it("rejects start after end", () => expect(() => sliceCodePoints("abc", 2, 1)).toThrow(RangeError));
});
