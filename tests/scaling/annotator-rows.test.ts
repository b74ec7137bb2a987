import { describe, it } from "vitest";
import { chunkRows } from "@/lib/annotator/row-chunks";
import { spansBySentence } from "@/lib/annotator/span-index";
import { sentencePieces, spanDepths } from "@/lib/annotator/span-pieces";
import { CodePointIndex } from "@/lib/text/code-points";
import { expectLinear } from "./expect-linear";

// The annotator page on a hostile document: one sentence with no breaks and many marks.

/** n marks in one row, each overlapping the next (so pieces are covered by one or two marks). */
const marksInOneRow = (n: number) => ({
  row: { start: 0, end: 3 * n + 10 },
  marks: Array.from({ length: n }, (_, k) => ({ id: `m${k}`, start: 3 * k, end: 3 * k + 5 })),
});

/** One sentence of n words, with emoji so code points and UTF-16 differ. */
const giantSentence = (n: number) => {
  const text = Array.from({ length: n }, (_, k) => (k % 50 === 0 ? "😀" : `word${k % 97}`)).join(" ");
  const cp = new CodePointIndex(text);
  return { text, cp, rows: [{ index: 0, start: 0, end: cp.length }] };
};

describe("annotator rows scale linearly", () => {
  it("sentencePieces with many marks in one row", () => {
    expectLinear(marksInOneRow, ({ row, marks }) => sentencePieces(row, marks), { base: 5000 });
  });

  it("span depths of thousands of nested marks", () => {
    const nested = (n: number) => Array.from({ length: n }, (_, k) => ({ id: `m${k}`, start: k, end: 2 * n - k }));
    expectLinear(nested, (marks) => spanDepths(marks), { base: 20_000 });
  });

  it("chunking a giant sentence into rows", () => {
    expectLinear(giantSentence, ({ text, cp, rows }) => chunkRows(rows, (r) => text.slice(cp.toUtf16(r.start), cp.toUtf16(r.end))), { base: 20_000 });
  });

  it("placing the marks of a giant sentence on its chunk rows", () => {
    const input = (n: number) => {
      const { text, rows } = giantSentence(n);
      const { lines } = chunkRows(rows, () => text);
      return { lines, marks: Array.from({ length: n / 10 }, (_, k) => ({ id: `m${k}`, start: 60 * k, end: 60 * k + 30 })) };
    };
    expectLinear(input, ({ lines, marks }) => spansBySentence(lines, marks), { base: 20_000 });
  });
});
