/**
 * The overlapping span pairs that the greedy span matching (matchSpans, matchSpanPairs) considers,
 * found by a sweep instead of comparing every pair.
 *
 * Spans are bucketed by (type, owner) — owner is the annotator — each bucket in the caller's
 * order, which must sort by start, then end. A span is paired with the spans of each *other*
 * owner of its type that come after it in that order and start before it ends: all of them
 * overlap it by at least one code point. Pairs with the very same offsets (and the same `key`,
 * a discontinuous span's gaps) are left out (the
 * exact phase has already decided those), and so are zero-length spans (they only match exactly).
 *
 * Degenerate input (thousands of nested or identical spans) would still make this quadratic, so a
 * span takes at most `limit` partners from each other owner: the first ones in document order,
 * i.e. the nearest starts. Real documents come nowhere near this (a span would need more than
 * `limit` same-type spans of one other annotator starting inside it), so there the pairs — and
 * the matching — are exactly those of the all-pairs rule; in the degenerate case each span's work
 * and the candidate list stay bounded (≤ spans × other owners × limit).
 */

export const MAX_PARTNERS_PER_OWNER = 16;

/** `key`: what else must be equal for two spans to be identical (the gaps of a discontinuous span). */
export type SweepSpan = { type: string; owner: string; start: number; end: number; key?: string };

const same = (x: SweepSpan, y: SweepSpan) => x.start === y.start && x.end === y.end && (x.key ?? "") === (y.key ?? "");

type Bucket = { positions: number[]; runEnd: number[] };

/**
 * Calls `visit(p, q)` for each candidate pair of positions p < q in `spans` (sorted by start,
 * then end) and returns how many pairs it visited.
 */
export function forEachOverlapCandidate(spans: readonly SweepSpan[], visit: (p: number, q: number) => void, limit = MAX_PARTNERS_PER_OWNER): number {
  // type → owner → bucket of positions in input order.
  const byType = new Map<string, Map<string, Bucket>>();
  spans.forEach((span, p) => {
    if (span.end <= span.start) return;
    let owners = byType.get(span.type);
    if (!owners) byType.set(span.type, (owners = new Map()));
    let bucket = owners.get(span.owner);
    if (!bucket) owners.set(span.owner, (bucket = { positions: [], runEnd: [] }));
    bucket.positions.push(p);
  });
  // runEnd[k]: the first index after k in the bucket with other offsets, to jump over a run of
  // identical spans in O(1).
  for (const owners of byType.values()) {
    for (const bucket of owners.values()) {
      const { positions, runEnd } = bucket;
      runEnd.length = positions.length;
      for (let k = positions.length - 1; k >= 0; k--) {
        const here = spans[positions[k]!]!;
        const next = k + 1 < positions.length ? spans[positions[k + 1]!]! : null;
        runEnd[k] = next && same(next, here) ? runEnd[k + 1]! : k + 1;
      }
    }
  }

  let visited = 0;
  spans.forEach((x, p) => {
    if (x.end <= x.start) return;
    const owners = byType.get(x.type);
    if (!owners) return;
    for (const [owner, { positions, runEnd }] of owners) {
      if (owner === x.owner) continue;
      let k = firstAfter(positions, p);
      let taken = 0;
      while (k < positions.length && taken < limit) {
        const q = positions[k]!;
        const y = spans[q]!;
        if (y.start >= x.end) break;
        if (same(x, y)) {
          k = runEnd[k]!;
          continue;
        }
        visit(p, q);
        visited++;
        taken++;
        k++;
      }
    }
  });
  return visited;
}

/** Index of the first entry of the ascending `positions` greater than `p`. */
function firstAfter(positions: readonly number[], p: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid]! <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
