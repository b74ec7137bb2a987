import { describe, expect, it } from "vitest";
import { CodePointIndex } from "@/lib/text/code-points";
import { chunkCuts, chunkRows } from "./row-chunks";

describe("chunkCuts", () => {
  it("cuts after the last white space so no piece is longer than max", () => {
    const text = "aaaa bbbb cccc dddd";
    expect(chunkCuts(text, 8).map((c) => c.cp)).toEqual([5, 10, 15]);
    const pieces = [0, 5, 10, 15, 19].slice(0, -1).map((s, k) => text.slice(s, [5, 10, 15, 19][k]));
    expect(pieces).toEqual(["aaaa ", "bbbb ", "cccc ", "dddd"]);
  });

  it("cuts hard at max when a piece has no white space in its second half", () => {
    expect(chunkCuts("x".repeat(25), 10).map((c) => c.cp)).toEqual([10, 20]);
    expect(chunkCuts("a " + "x".repeat(20), 10).map((c) => c.cp)).toEqual([10, 20]);
  });

  it("never splits a surrogate pair and reports code-point and UTF-16 offsets", () => {
    const text = "😀".repeat(7);
    const cuts = chunkCuts(text, 3);
    expect(cuts).toEqual([{ cp: 3, utf16: 6 }, { cp: 6, utf16: 12 }]);
    expect(text.slice(0, cuts[0]!.utf16)).toBe("😀😀😀");
  });

  it("leaves short text whole and rejects a nonsensical maximum", () => {
    expect(chunkCuts("short", 10)).toEqual([]);
    expect(chunkCuts("", 10)).toEqual([]);
    expect(() => chunkCuts("abc", 0)).toThrow(/max must be an integer/);
  });
});

describe("chunkRows", () => {
  it("keeps short rows whole and covers a long row exactly with chunks of at most max", () => {
    const text = "Short one. " + Array.from({ length: 300 }, (_, k) => `word${k} 😀`).join(" ");
    const cp = new CodePointIndex(text);
    const rows = [{ index: 0, start: 0, end: 11 }, { index: 1, start: 11, end: cp.length }];
    const asked: number[] = [];
    const { lines, firstLine } = chunkRows(rows, (r) => {
      asked.push(r.index);
      return text.slice(cp.toUtf16(r.start), cp.toUtf16(r.end));
    }, 100);
    expect(asked).toEqual([1]);
    expect(firstLine).toEqual([0, 1]);
    expect(lines[0]).toMatchObject({ rowNumber: 0, part: 0, start: 0, end: 11 });
    const chunks = lines.slice(1);
    expect(chunks.length).toBeGreaterThan(20);
    expect(chunks[0]!.start).toBe(11);
    expect(chunks.at(-1)!.end).toBe(cp.length);
    chunks.forEach((line, k) => {
      expect(line).toMatchObject({ rowNumber: 1, part: k });
      expect(line.end - line.start).toBeLessThanOrEqual(100);
      if (k > 0) expect(line.start).toBe(chunks[k - 1]!.end);
      if (k < chunks.length - 1) expect(text.slice(cp.toUtf16(line.start), cp.toUtf16(line.end))).toMatch(/\s$/);
    });
  });
});
