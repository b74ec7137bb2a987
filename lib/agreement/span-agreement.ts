/**
 * Span agreement between two annotators, annotator `a` taken as the reference:
 * tp = matched pairs, fn = unmatched spans of a, fp = unmatched spans of b.
 *
 * Matching (the same rule as matchSpans in lib/review/match-spans.ts):
 * 1. exact: same type, same start/end and same gaps (a discontinuous span matches exactly only
 *    when its fragments do); duplicates pair up in input order;
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
import { gapKey } from "@/lib/spans/span-gaps";
import { assertValidOffsets } from "./layer-annotation";
import { forEachOverlapCandidate } from "./overlap-candidates";

export type Span = { type: string; start: number; end: number; gaps?: readonly { start: number; end: number }[] | null };

/** The exact pass's type key: gapped spans only pair with spans of the same gaps. */
const exactTypeKey = (s: Span) => (s.gaps && s.gaps.length > 0 ? `${s.type}\u0000${gapKey(s.gaps)}` : s.type);
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
  const pairs: Array<[number, number]> = [];
  forEachSpanPair(a, b, mode, (i, j) => pairs.push([i, j]));
  return pairs;
}

/**
 * Calls `matched(i, j)` for each matched pair, in matching order. Working state is typed arrays
 * and numbers rather than small objects per span or pair: at tens of thousands of spans, retained
 * small objects and hash tables of them cost far more than 10× the time of a tenth of the spans.
 */
function forEachSpanPair(a: readonly Span[], b: readonly Span[], mode: SpanMatchMode, matched: (i: number, j: number) => void): void {
  // The label string is built only for the span that fails, not once per span.
  const isValid = (s: Span) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end >= s.start;
  a.forEach((s, i) => isValid(s) || assertValidOffsets(s.start, s.end, `reference span #${i}`));
  b.forEach((s, j) => isValid(s) || assertValidOffsets(s.start, s.end, `compared span #${j}`));
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  const pair = (i: number, j: number) => {
    usedA[i] = 1;
    usedB[j] = 1;
    matched(i, j);
  };

  // Exact pairs: the k-th span of a with given offsets pairs with the k-th such span of b. Keyed
  // by type, then by one number for the offsets when they fit (no key string per span); each key
  // holds the first unpaired j, and nextSame chains the spans of b with the same key in order.
  const width = [a, b].reduce((most, spans) => spans.reduce((m, s) => Math.max(m, s.end), most), 0) + 1;
  const offsetsKey = width * width <= Number.MAX_SAFE_INTEGER ? (s: Span) => s.start * width + s.end : (s: Span) => `${s.start}\u0000${s.end}`;
  const firstUnpaired = new Map<string, Map<number | string, number>>();
  const nextSame = new Int32Array(b.length).fill(-1);
  for (let j = b.length - 1; j >= 0; j--) {
    const s = b[j]!;
    let byOffsets = firstUnpaired.get(exactTypeKey(s));
    if (!byOffsets) firstUnpaired.set(exactTypeKey(s), (byOffsets = new Map()));
    const key = offsetsKey(s);
    nextSame[j] = byOffsets.get(key) ?? -1;
    byOffsets.set(key, j);
  }
  a.forEach((s, i) => {
    const byOffsets = firstUnpaired.get(exactTypeKey(s));
    const key = offsetsKey(s);
    const j = byOffsets?.get(key) ?? -1;
    if (j < 0) return;
    byOffsets!.set(key, nextSame[j]!);
    pair(i, j);
  });
  if (mode === "exact") return;

  // Overlap candidates among the spans left, from a sweep (bounded per span, see
  // overlap-candidates.ts) rather than every pair.
  type Side = { type: string; owner: "a" | "b"; start: number; end: number; key: string; index: number };
  const left: Side[] = [];
  a.forEach((s, i) => usedA[i] || left.push({ type: s.type, owner: "a", start: s.start, end: s.end, key: gapKey(s.gaps), index: i }));
  b.forEach((s, j) => usedB[j] || left.push({ type: s.type, owner: "b", start: s.start, end: s.end, key: gapKey(s.gaps), index: j }));
  left.sort((x, y) => x.start - y.start || x.end - y.end || (x.owner < y.owner ? -1 : x.owner > y.owner ? 1 : 0) || x.index - y.index);
  // Candidates as typed columns rather than one object each: on degenerate input there are 16 per
  // span, and hundreds of thousands of retained small objects cost more in allocation and GC
  // than the matching itself. The order is compareCandidates' order: lowEnd = highStart + overlap,
  // so once overlap and highStart tie, lowEnd ties too.
  const columns = new CandidateColumns();
  forEachOverlapCandidate(left, (p, q) => {
    const [x, y] = left[p]!.owner === "a" ? [left[p]!, left[q]!] : [left[q]!, left[p]!];
    columns.push(x.index, y.index, x, y);
  });
  const { is, js, overlaps, unions, lowStarts, highStarts } = columns;
  const order = Uint32Array.from({ length: columns.count }, (_, k) => k);
  order.sort(
    (p, q) =>
      overlaps[q]! - overlaps[p]! || unions[p]! - unions[q]! || lowStarts[p]! - lowStarts[q]! || highStarts[p]! - highStarts[q]! || is[p]! - is[q]! || js[p]! - js[q]!,
  );
  for (const k of order) {
    const i = is[k]!;
    const j = js[k]!;
    if (!usedA[i] && !usedB[j]) pair(i, j);
  }
}

/** Overlap candidates (see CandidatePair) as growable typed columns, one entry per pair. */
class CandidateColumns {
  count = 0;
  is = new Float64Array(1024);
  js = new Float64Array(1024);
  overlaps = new Float64Array(1024);
  unions = new Float64Array(1024);
  lowStarts = new Float64Array(1024);
  highStarts = new Float64Array(1024);

  push(i: number, j: number, x: { start: number; end: number }, y: { start: number; end: number }): void {
    if (this.count === this.is.length) {
      for (const key of ["is", "js", "overlaps", "unions", "lowStarts", "highStarts"] as const) {
        const grown = new Float64Array(2 * this.count);
        grown.set(this[key]);
        this[key] = grown;
      }
    }
    const k = this.count++;
    this.is[k] = i;
    this.js[k] = j;
    this.overlaps[k] = overlapLength(x, y);
    this.unions[k] = Math.max(x.end, y.end) - Math.min(x.start, y.start);
    this.lowStarts[k] = Math.min(x.start, y.start);
    this.highStarts[k] = Math.max(x.start, y.start);
  }
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
  const matchedA = new Uint8Array(a.length);
  const matchedB = new Uint8Array(b.length);
  forEachSpanPair(a, b, mode, (i, j) => {
    matchedA[i] = 1;
    matchedB[j] = 1;
  });
  a.forEach((s, i) => (matchedA[i] ? countsFor(s.type).tp++ : countsFor(s.type).fn++));
  b.forEach((s, j) => {
    if (!matchedB[j]) countsFor(s.type).fp++;
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
