// Splits a sentence into pieces at every span boundary inside it, so overlapping and nested spans
// can be drawn as stacked layers. Offsets are code points; spans may extend beyond the sentence.

/** `gaps`: inner ranges a discontinuous span leaves out; its pieces there are not covered by it. */
export type SpanLike = { id: string; start: number; end: number; gaps?: readonly { start: number; end: number }[] | null };

/** Whether the piece starting at `at` lies in one of the span's gaps (pieces never straddle a gap's edge). */
function inGap(span: SpanLike, at: number): boolean {
  return span.gaps ? span.gaps.some((g) => g.start <= at && at < g.end) : false;
}

export type Piece = { start: number; end: number; covering: string[] };

/**
 * Depth per span (0 = outermost): longer spans get lower depth, so nested spans sit inside. A span
 * takes the smallest depth no open span holds; heaps of open spans (by end) and of freed depths
 * keep this O(n log n) even for thousands of nested spans.
 */
export function spanDepths(spans: readonly SpanLike[]): Map<string, number> {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  const depths = new Map<string, number>();
  const open = new MinHeap<{ end: number; depth: number }>((x, y) => x.end - y.end);
  const free = new MinHeap<number>((x, y) => x - y);
  let allocated = 0;
  for (const span of sorted) {
    // Spans that ended before this one starts give their depths back.
    while (open.size > 0 && open.peek()!.end <= span.start) free.push(open.pop()!.depth);
    const depth = free.size > 0 ? free.pop()! : allocated++;
    depths.set(span.id, depth);
    open.push({ end: span.end, depth });
  }
  return depths;
}

class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly compare: (x: T, y: T) => number) {}
  get size(): number {
    return this.items.length;
  }
  peek(): T | undefined {
    return this.items[0];
  }
  push(item: T): void {
    const items = this.items;
    items.push(item);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.compare(items[i]!, items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < items.length && this.compare(items[left]!, items[least]!) < 0) least = left;
      if (right < items.length && this.compare(items[right]!, items[least]!) < 0) least = right;
      if (least === i) break;
      [items[i], items[least]] = [items[least]!, items[i]!];
      i = least;
    }
    return top;
  }
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
  // Cut points sorted as numbers in a typed array, then deduplicated: cheaper than a Set of them.
  // Gap edges inside the sentence cut too, so a gap is a piece of its own.
  const gapEdges: number[] = [];
  for (const i of inside)
    for (const g of spans[i]!.gaps ?? [])
      for (const edge of [g.start, g.end]) if (edge > sentence.start && edge < sentence.end) gapEdges.push(edge);
  const cuts = new Float64Array(2 + 2 * inside.length + gapEdges.length);
  cuts[0] = sentence.start;
  cuts[1] = sentence.end;
  inside.forEach((i, k) => {
    cuts[2 + 2 * k] = startOf(i);
    cuts[3 + 2 * k] = endOf(i);
  });
  gapEdges.forEach((edge, k) => (cuts[2 + 2 * inside.length + k] = edge));
  cuts.sort();
  const points: number[] = [];
  for (const cut of cuts) if (points.length === 0 || points[points.length - 1] !== cut) points.push(cut);
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
    const covering = active.size === 0 ? [] : [...active].sort((x, y) => x - y).filter((i) => !inGap(spans[i]!, start)).map((i) => spans[i]!.id);
    pieces.push({ start, end, covering });
  }
  return pieces;
}
