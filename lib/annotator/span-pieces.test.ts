import { describe, expect, it } from "vitest";
import { sentencePieces, spanDepths } from "./span-pieces";

describe("sentencePieces", () => {
  it("cuts at nested and overlapping span boundaries and lists the covering spans", () => {
    const spans = [
      { id: "quote", start: 5, end: 30 },
      { id: "aside", start: 10, end: 15 },
      { id: "claim", start: 25, end: 40 },
    ];
    expect(sentencePieces({ start: 0, end: 35 }, spans)).toEqual([
      { start: 0, end: 5, covering: [] },
      { start: 5, end: 10, covering: ["quote"] },
      { start: 10, end: 15, covering: ["quote", "aside"] },
      { start: 15, end: 25, covering: ["quote"] },
      { start: 25, end: 30, covering: ["quote", "claim"] },
      { start: 30, end: 35, covering: ["claim"] },
    ]);
  });

  it("a span crossing the sentence boundary covers the sentence's edge pieces", () => {
    expect(sentencePieces({ start: 50, end: 60 }, [{ id: "x", start: 40, end: 55 }])).toEqual([
      { start: 50, end: 55, covering: ["x"] },
      { start: 55, end: 60, covering: [] },
    ]);
  });

  it("an empty span list gives one piece; spans elsewhere are ignored", () => {
    expect(sentencePieces({ start: 0, end: 4 }, [{ id: "far", start: 10, end: 20 }])).toEqual([{ start: 0, end: 4, covering: [] }]);
  });
});

describe("spanDepths", () => {
  it("puts nested spans deeper and reuses depths after a span ends", () => {
    const depths = spanDepths([
      { id: "outer", start: 0, end: 50 },
      { id: "inner", start: 10, end: 20 },
      { id: "later", start: 60, end: 70 },
      { id: "inner2", start: 30, end: 40 },
    ]);
    expect(Object.fromEntries(depths)).toEqual({ outer: 0, inner: 1, inner2: 1, later: 0 });
  });
});
