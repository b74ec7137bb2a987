import { describe, expect, it } from "vitest";
import { lineSpans, splitSentences, unitAt, unitBefore } from "./text-units";

describe("splitSentences", () => {
  it("splits lines and sentences, keeps abbreviations, marks fragments as boilerplate", () => {
    const text = "Comments\nHe met former U.S. Ambassador Kurt Volker. It was cold.\n  • 22.09 06:34";
    const units = splitSentences(text).map((u) => [text.slice(u.start, u.end), u.kind]);
    expect(units).toEqual([
      ["Comments", "boilerplate"],
      ["He met former U.S. Ambassador Kurt Volker.", "content"],
      ["It was cold.", "content"],
      ["• 22.09 06:34", "boilerplate"],
    ]);
  });
  it("rejects non-strings", () => expect(() => splitSentences(1 as unknown as string)).toThrow(TypeError));
});

describe("unit lookup", () => {
  const units = lineSpans("ab\n\ncd");
  it("finds the containing and preceding unit", () => {
    expect(units).toEqual([{ start: 0, end: 2 }, { start: 4, end: 6 }]);
    expect(unitAt(units, 5)).toBe(1);
    expect(unitAt(units, 3)).toBe(-1);
    expect(unitBefore(units, 3)).toBe(0);
    expect(unitBefore(units, -1)).toBe(-1);
  });
});
