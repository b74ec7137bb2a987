/**
 * Span agreement between two annotators, annotator `a` taken as the reference:
 * tp = matched pairs, fn = unmatched spans of a, fp = unmatched spans of b.
 *
 * Matching (the same rule as matchSpans in lib/review/match-spans.ts):
 * 1. exact: same type and same start/end; duplicates pair up in input order;
 * 2. overlap mode only: the remaining spans of the same type whose ranges share at least one
 *    code point are paired greedily one-to-one, largest overlap first; ties go to the smaller
 *    union (closer boundaries), then to the earlier offsets. Zero-length spans match only exactly.
 *    Candidates come from a sweep (overlap-candidates.ts): O(n log n), and on degenerate input
 *    (more than 16 same-type spans of the other layer starting inside one span) a span is only
 *    paired with the first 16 of them.
 *
 * Precision is null when b has no spans, recall null when a has none, F1 null when both are
 * empty (one empty and the other not gives F1 = 0).
 */
import { assertValidOffsets } from "./layer-annotation";
import { forEachOverlapCandidate } from "./overlap-candidates";

export type Span = { type: string; start: number; end: number };
export type SpanMatchMode = "exact" | "overlap";

export type PrecisionRecall = {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  tp: number;
  fp: number;
  fn: number;
};

export type SpanAgreementResult = {
  overall: PrecisionRecall;
  /** Every type present in either layer, keys sorted. */
  byType: Record<string, PrecisionRecall>;
};

export function overlapLength(x: { start: number; end: number }, y: { start: number; end: number }): number {
  return Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
}

/** An overlapping pair of spans i and j; the offset fields make the order symmetric in i and j. */
export type CandidatePair = { i: number; j: number; overlap: number; union: number; lowStart: number; highStart: number; lowEnd: number };

/**
 * Greedy order: largest overlap, then smallest union, then earlier offsets. Only pairs with the
 * very same offsets fall through to the indices, and those are interchangeable.
 */
export function compareCandidates(p: CandidatePair, q: CandidatePair): number {
  return (
    q.overlap - p.overlap || p.union - q.union || p.lowStart - q.lowStart || p.highStart - q.highStart || p.lowEnd - q.lowEnd || p.i - q.i || p.j - q.j
  );
}

/** Index pairs [i in a, j in b] of matched spans, in matching order. */
export function matchSpanPairs(a: readonly Span[], b: readonly Span[], mode: SpanMatchMode): Array<[number, number]> {
  a.forEach((s, i) => assertValidOffsets(s.start, s.end, `reference span #${i}`));
  b.forEach((s, j) => assertValidOffsets(s.start, s.end, `compared span #${j}`));
  const pairs: Array<[number, number]> = [];
  const usedA = new Set<number>();
  const usedB = new Set<number>();

  // Exact pairs: the k-th span of a with given offsets pairs with the k-th such span of b.
  const exactIndex = new Map<string, { next: number; js: number[] }>();
  b.forEach((s, j) => {
    const key = `${s.type}\u0000${s.start}\u0000${s.end}`;
    const entry = exactIndex.get(key);
    if (entry) entry.js.push(j);
    else exactIndex.set(key, { next: 0, js: [j] });
  });
  a.forEach((s, i) => {
    const entry = exactIndex.get(`${s.type}\u0000${s.start}\u0000${s.end}`);
    const j = entry?.js[entry.next];
    if (entry === undefined || j === undefined) return;
    entry.next++;
    pairs.push([i, j]);
    usedA.add(i);
    usedB.add(j);
  });
  if (mode === "exact") return pairs;

  // Overlap candidates among the spans left, from a sweep (bounded per span, see
  // overlap-candidates.ts) rather than every pair.
  type Side = { type: string; owner: "a" | "b"; start: number; end: number; index: number };
  const left: Side[] = [
    ...a.flatMap((s, i) => (usedA.has(i) ? [] : [{ type: s.type, owner: "a" as const, start: s.start, end: s.end, index: i }])),
    ...b.flatMap((s, j) => (usedB.has(j) ? [] : [{ type: s.type, owner: "b" as const, start: s.start, end: s.end, index: j }])),
  ].sort((x, y) => x.start - y.start || x.end - y.end || (x.owner < y.owner ? -1 : x.owner > y.owner ? 1 : 0) || x.index - y.index);
  const candidates: CandidatePair[] = [];
  forEachOverlapCandidate(left, (p, q) => {
    const [x, y] = left[p]!.owner === "a" ? [left[p]!, left[q]!] : [left[q]!, left[p]!];
    candidates.push({
      i: x.index, j: y.index, overlap: overlapLength(x, y),
      union: Math.max(x.end, y.end) - Math.min(x.start, y.start),
      lowStart: Math.min(x.start, y.start),
      highStart: Math.max(x.start, y.start),
      lowEnd: Math.min(x.end, y.end),
    });
  });
  candidates.sort(compareCandidates);
  for (const { i, j } of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    pairs.push([i, j]);
    usedA.add(i);
    usedB.add(j);
  }
  return pairs;
}

export function spanAgreement(a: readonly Span[], b: readonly Span[], mode: SpanMatchMode): SpanAgreementResult {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const countsFor = (type: string) => {
    let entry = counts.get(type);
    if (!entry) {
      entry = { tp: 0, fp: 0, fn: 0 };
      counts.set(type, entry);
    }
    return entry;
  };
  const pairs = matchSpanPairs(a, b, mode);
  const matchedA = new Set(pairs.map(([i]) => i));
  const matchedB = new Set(pairs.map(([, j]) => j));
  a.forEach((s, i) => (matchedA.has(i) ? countsFor(s.type).tp++ : countsFor(s.type).fn++));
  b.forEach((s, j) => {
    if (!matchedB.has(j)) countsFor(s.type).fp++;
  });
  return summarise(counts);
}

/** Precision/recall/F1 for summed counts; shared with the streaming report. */
export function summarise(counts: ReadonlyMap<string, { tp: number; fp: number; fn: number }>): SpanAgreementResult {
  const byType: Record<string, PrecisionRecall> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const type of [...counts.keys()].sort()) {
    const c = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    byType[type] = precisionRecall(c.tp, c.fp, c.fn);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return { overall: precisionRecall(tp, fp, fn), byType };
}

export function precisionRecall(tp: number, fp: number, fn: number): PrecisionRecall {
  return {
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
    f1: 2 * tp + fp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn),
    tp,
    fp,
    fn,
  };
}

export type PairSpanAgreement = { reference: string; other: string; result: SpanAgreementResult };

/**
 * Every unordered pair of annotators, ids sorted, the first as reference. F1 is symmetric, so
 * the reverse pair would only swap precision and recall.
 */
export function pairwiseSpanAgreement(layers: ReadonlyMap<string, readonly Span[]>, mode: SpanMatchMode): PairSpanAgreement[] {
  const ids = [...layers.keys()].sort();
  const result: PairSpanAgreement[] = [];
  for (let x = 0; x < ids.length; x++) {
    for (let y = x + 1; y < ids.length; y++) {
      const reference = ids[x] as string;
      const other = ids[y] as string;
      result.push({ reference, other, result: spanAgreement(layers.get(reference) ?? [], layers.get(other) ?? [], mode) });
    }
  }
  return result;
}
