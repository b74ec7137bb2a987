// A sentence can be arbitrarily long (an import with no sentence breaks is one 1 MB sentence).
// The annotator and review pages draw each sentence as a virtual row, so a long one is cut into
// several rows of at most MAX_ROW_CODE_POINTS code points, at white space where there is some.
// Rows stay in code-point offsets of the original text; the sentence (for the keyboard cursor,
// labels and numbering) is still one, each chunk row knowing which sentence and part it is.

export const MAX_ROW_CODE_POINTS = 2000;

export type Cut = { cp: number; utf16: number };

const isSpace = (unit: number) => unit === 0x20 || unit === 0x0a || unit === 0x09 || unit === 0x0d || unit === 0x0c || unit === 0x0b || unit === 0xa0 || unit === 0x3000 || (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029;

/**
 * Where to cut `text` into pieces of at most `max` code points: after the last white space of a
 * piece when that keeps it at least half full, else hard at `max` (between code points, never
 * inside a surrogate pair). Offsets are relative to the text, both in code points and in UTF-16
 * units; the text's start and end are not listed. One pass over the text.
 */
export function chunkCuts(text: string, max = MAX_ROW_CODE_POINTS): Cut[] {
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`max must be an integer ≥ 2, got ${max}`);
  const cuts: Cut[] = [];
  let chunkStart = 0;
  let lastSpace: Cut | null = null; // position just after the last white space in this chunk
  let cp = 0;
  for (let u = 0; u < text.length; ) {
    if (cp - chunkStart === max) {
      const cut: Cut = lastSpace && lastSpace.cp - chunkStart >= max / 2 ? lastSpace : { cp, utf16: u };
      cuts.push(cut);
      chunkStart = cut.cp;
      lastSpace = null;
    }
    const unit = text.charCodeAt(u);
    const pair = unit >= 0xd800 && unit <= 0xdbff && u + 1 < text.length && (text.charCodeAt(u + 1) & 0xfc00) === 0xdc00;
    u += pair ? 2 : 1;
    cp += 1;
    if (isSpace(unit)) lastSpace = { cp, utf16: u };
  }
  return cuts;
}

export type ChunkRow<R> = {
  row: R;
  /** Position of the row in the row list (the keyboard cursor's unit). */
  rowNumber: number;
  /** 0 for the first chunk of the row. */
  part: number;
  /** Code-point range of this chunk in the original text. */
  start: number;
  end: number;
  /** The chunk's UTF-16 range inside textOf(row); null when the chunk is the whole row. */
  utf16: { from: number; to: number } | null;
};

/**
 * The virtual rows for `rows` (sorted, non-overlapping code-point ranges): one per row, or
 * several for a row longer than `max`. `textOf(row)` is only called for long rows. Also
 * returns the first chunk row of every row, to scroll to a sentence.
 */
export function chunkRows<R extends { start: number; end: number }>(rows: readonly R[], textOf: (row: R) => string, max = MAX_ROW_CODE_POINTS): { lines: ChunkRow<R>[]; firstLine: number[] } {
  const lines: ChunkRow<R>[] = [];
  const firstLine: number[] = [];
  rows.forEach((row, rowNumber) => {
    firstLine.push(lines.length);
    if (row.end - row.start <= max) {
      lines.push({ row, rowNumber, part: 0, start: row.start, end: row.end, utf16: null });
      return;
    }
    const text = textOf(row);
    let start = row.start;
    let from = 0;
    let part = 0;
    for (const cut of chunkCuts(text, max)) {
      lines.push({ row, rowNumber, part: part++, start, end: row.start + cut.cp, utf16: { from, to: cut.utf16 } });
      start = row.start + cut.cp;
      from = cut.utf16;
    }
    lines.push({ row, rowNumber, part, start, end: row.end, utf16: { from, to: text.length } });
  });
  return { lines, firstLine };
}
