// Splits a sentence into pieces at every span boundary inside it, so overlapping and nested spans
// can be drawn as stacked layers. Offsets are code points; spans may extend beyond the sentence.

export type SpanLike = { id: string; start: number; end: number };

export type Piece = { start: number; end: number; covering: string[] };

/** Depth per span (0 = outermost): longer spans get lower depth, so nested spans sit inside. */
export function spanDepths(spans: readonly SpanLike[]): Map<string, number> {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  const depths = new Map<string, number>();
  const open: { end: number; depth: number }[] = [];
  for (const span of sorted) {
    // Drop spans that ended before this one starts; the smallest free depth is taken.
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.end <= span.start) open.splice(i, 1);
    const used = new Set(open.map((o) => o.depth));
    let depth = 0;
    while (used.has(depth)) depth++;
    depths.set(span.id, depth);
    open.push({ end: span.end, depth });
  }
  return depths;
}

/**
 * The row [start, end) cut at every span boundary inside it, each piece listing the spans covering
 * it (in input order). One sweep over the spans sorted by start and by end, so a row with
 * thousands of marks costs O(m log m) plus the size of the output, not one scan per piece.
 */
export function sentencePieces(sentence: { start: number; end: number }, spans: readonly SpanLike[]): Piece[] {
  const inside: number[] = [];
  spans.forEach((s, i) => {
    if (s.start < sentence.end && s.end > sentence.start) inside.push(i);
  });
  const startOf = (i: number) => Math.max(spans[i]!.start, sentence.start);
  const endOf = (i: number) => Math.min(spans[i]!.end, sentence.end);
  const cuts = new Set<number>([sentence.start, sentence.end]);
  for (const i of inside) {
    cuts.add(startOf(i));
    cuts.add(endOf(i));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...inside].sort((x, y) => startOf(x) - startOf(y));
  const byEnd = [...inside].sort((x, y) => endOf(x) - endOf(y));
  const active = new Set<number>();
  let opened = 0;
  let closed = 0;
  const pieces: Piece[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k]!;
    const end = points[k + 1]!;
    // Open what starts by here, then close what has ended (a zero-length span opens and closes).
    for (; opened < byStart.length && startOf(byStart[opened]!) <= start; opened++) active.add(byStart[opened]!);
    for (; closed < byEnd.length && endOf(byEnd[closed]!) <= start; closed++) active.delete(byEnd[closed]!);
    const covering = active.size === 0 ? [] : [...active].sort((x, y) => x - y).map((i) => spans[i]!.id);
    pieces.push({ start, end, covering });
  }
  return pieces;
}
