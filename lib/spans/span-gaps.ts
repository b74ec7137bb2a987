/**
 * Discontinuous spans: a span [start, end) may exclude inner ranges, its gaps. PARC and brat call
 * the remaining pieces fragments ("For this reason, [she added,] he is satisfied"). Pure rules,
 * shared by the API, the annotator, review and every export/import. Offsets are code points.
 *
 * Rules: each gap is non-empty, strictly inside the span (so the first and last fragments are
 * never empty), and the gaps are sorted and leave at least one code point between them (no
 * empty fragment). A span without gaps stores none (null, never []).
 */
export type SpanRange = { start: number; end: number };

export const MAX_GAPS = 50;

/** Field path → messages (e.g. `gaps.1.start`), the API's `details.fields` shape. */
export type GapErrors = Record<string, string[]>;

/** The problems of `gaps` for the span [start, end), keyed by field path; empty when valid. */
export function checkGaps(start: number, end: number, gaps: readonly SpanRange[], field = "gaps"): GapErrors {
  const errors: GapErrors = {};
  const fail = (path: string, message: string) => (errors[path] ??= []).push(message);
  if (gaps.length > MAX_GAPS) fail(field, `A span has at most ${MAX_GAPS} gaps`);
  gaps.forEach((gap, i) => {
    const at = `${field}.${i}`;
    if (!Number.isInteger(gap.start) || !Number.isInteger(gap.end)) return fail(at, "Gap offsets must be whole numbers (code points)");
    if (gap.start >= gap.end) return fail(`${at}.end`, `Gap ${i} is empty: its end (${gap.end}) must be after its start (${gap.start})`);
    if (gap.start <= start) return fail(`${at}.start`, `Gap ${i} must start inside the span, after its start ${start} (got ${gap.start})`);
    if (gap.end >= end) return fail(`${at}.end`, `Gap ${i} must end inside the span, before its end ${end} (got ${gap.end})`);
    const previous = gaps[i - 1];
    if (previous && gap.start <= previous.end) {
      fail(`${at}.start`, `Gaps must be sorted and separated by text: gap ${i} starts at ${gap.start}, gap ${i - 1} ends at ${previous.end}`);
    }
  });
  return errors;
}

/** `gaps` as stored: null for none, otherwise plain {start, end} objects in order. */
export function normaliseGaps(gaps: readonly SpanRange[] | null | undefined): SpanRange[] | null {
  return gaps && gaps.length > 0 ? gaps.map((g) => ({ start: g.start, end: g.end })) : null;
}

/** Reads a stored/decoded value leniently: anything that is not a list of integer ranges is no gaps. */
export function gapsOf(value: unknown): SpanRange[] | null {
  if (!Array.isArray(value)) return null;
  const out: SpanRange[] = [];
  for (const g of value) {
    if (typeof g !== "object" || g === null) return null;
    const { start, end } = g as Record<string, unknown>;
    if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
    out.push({ start: start as number, end: end as number });
  }
  return normaliseGaps(out);
}

/** The pieces the span covers: [start, end) minus its gaps, in order. */
export function fragmentsOf(start: number, end: number, gaps: readonly SpanRange[] | null | undefined): SpanRange[] {
  const fragments: SpanRange[] = [];
  let from = start;
  for (const gap of gaps ?? []) {
    fragments.push({ start: from, end: gap.start });
    from = gap.end;
  }
  fragments.push({ start: from, end });
  return fragments;
}

/** Fragments (any order) back to a span and its gaps; null for an empty list or overlapping fragments. */
export function spanOfFragments(fragments: readonly SpanRange[]): { start: number; end: number; gaps: SpanRange[] | null } | null {
  if (fragments.length === 0) return null;
  const sorted = [...fragments].sort((x, y) => x.start - y.start || x.end - y.end);
  const gaps: SpanRange[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const next = sorted[i]!;
    if (next.start < previous.end) return null;
    // Touching fragments join: brat allows them, and the gap between would be empty.
    if (next.start > previous.end) gaps.push({ start: previous.end, end: next.start });
  }
  return { start: sorted[0]!.start, end: sorted[sorted.length - 1]!.end, gaps: normaliseGaps(gaps) };
}

/** A stable text key for comparing spans' gaps ("" when contiguous). */
export function gapKey(gaps: readonly SpanRange[] | null | undefined): string {
  return (gaps ?? []).map((g) => `${g.start}-${g.end}`).join(",");
}

/** Adds a gap [start, end) to the span's gaps, merging it with gaps it touches; errors as checkGaps. */
export function withGap(span: SpanRange & { gaps?: readonly SpanRange[] | null }, gap: SpanRange): { gaps: SpanRange[] } | { error: string } {
  const merged: SpanRange[] = [];
  let cut = { ...gap };
  for (const g of span.gaps ?? []) {
    if (g.end < cut.start || g.start > cut.end) merged.push({ ...g });
    else cut = { start: Math.min(g.start, cut.start), end: Math.max(g.end, cut.end) };
  }
  merged.push(cut);
  merged.sort((x, y) => x.start - y.start);
  const errors = checkGaps(span.start, span.end, merged);
  const first = Object.values(errors)[0];
  return first ? { error: first[0]! } : { gaps: merged };
}
