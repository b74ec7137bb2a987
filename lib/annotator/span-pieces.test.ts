import { describe, expect, it } from "vitest";
import fc from "fast-check";
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

  it("leaves a discontinuous span's gap uncovered (drawn unhighlighted), other spans there still covered", () => {
    const spans = [
      { id: "quote", start: 0, end: 40, gaps: [{ start: 15, end: 27 }] },
      { id: "claim", start: 20, end: 30 },
    ];
    expect(sentencePieces({ start: 0, end: 40 }, spans)).toEqual([
      { start: 0, end: 15, covering: ["quote"] },
      { start: 15, end: 20, covering: [] },
      { start: 20, end: 27, covering: ["claim"] },
      { start: 27, end: 30, covering: ["quote", "claim"] },
      { start: 30, end: 40, covering: ["quote"] },
    ]);
    // A sentence that ends inside the gap.
    expect(sentencePieces({ start: 0, end: 18 }, spans)).toEqual([
      { start: 0, end: 15, covering: ["quote"] },
      { start: 15, end: 18, covering: [] },
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

describe("sentencePieces sweep", () => {
  // The obvious definition, one scan of every span per piece, as the reference.
  const naive = (sentence: { start: number; end: number }, spans: Array<{ id: string; start: number; end: number }>) => {
    const inside = spans.filter((s) => s.start < sentence.end && s.end > sentence.start);
    const points = [...new Set([sentence.start, sentence.end, ...inside.flatMap((s) => [s.start, s.end]).filter((p) => p > sentence.start && p < sentence.end)])].sort((a, b) => a - b);
    return points.slice(0, -1).map((start, k) => ({ start, end: points[k + 1]!, covering: inside.filter((s) => s.start <= start && s.end >= points[k + 1]!).map((s) => s.id) }));
  };

  it("lists the same pieces and covering spans (in input order) as one scan per piece", () => {
    const spanArb = fc.record({ start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 0, max: 15 }) });
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 30 }), (rows, from, length) => {
        const spans = rows.map((r, k) => ({ id: `m${k}`, start: r.start, end: r.start + r.length }));
        const sentence = { start: from, end: from + length };
        expect(sentencePieces(sentence, spans)).toEqual(naive(sentence, spans));
      }),
      { numRuns: 500 },
    );
  });
});

describe("spanDepths with heaps", () => {
  // The obvious definition: the smallest depth no still-open span holds.
  const naive = (spans: Array<{ id: string; start: number; end: number }>) => {
    const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
    const depths = new Map<string, number>();
    const open: { end: number; depth: number }[] = [];
    for (const span of sorted) {
      const used = new Set(open.filter((o) => o.end > span.start).map((o) => o.depth));
      let depth = 0;
      while (used.has(depth)) depth++;
      depths.set(span.id, depth);
      open.push({ end: span.end, depth });
    }
    return depths;
  };

  it("gives every span the same depth as the one-scan-per-span definition", () => {
    const spanArb = fc.record({ start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 0, max: 20 }) });
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 30 }), (rows) => {
        const spans = rows.map((r, k) => ({ id: `m${k}`, start: r.start, end: r.start + r.length }));
        expect(Object.fromEntries(spanDepths(spans))).toEqual(Object.fromEntries(naive(spans)));
      }),
      { numRuns: 500 },
    );
  });
});
