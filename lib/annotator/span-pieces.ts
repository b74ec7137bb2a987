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

export function sentencePieces(sentence: { start: number; end: number }, spans: readonly SpanLike[]): Piece[] {
  const inside = spans.filter((s) => s.start < sentence.end && s.end > sentence.start);
  const cuts = new Set<number>([sentence.start, sentence.end]);
  for (const s of inside) {
    if (s.start > sentence.start) cuts.add(s.start);
    if (s.end < sentence.end) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    pieces.push({ start, end, covering: inside.filter((s) => s.start <= start && s.end >= end).map((s) => s.id) });
  }
  return pieces;
}
