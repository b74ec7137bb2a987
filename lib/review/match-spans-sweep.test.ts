import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { LayerAnnotation, SpanAnnotation } from "@/lib/agreement/layer-annotation";
import { forEachOverlapCandidate, MAX_PARTNERS_PER_OWNER } from "@/lib/agreement/overlap-candidates";
import { compareCandidates, matchSpanPairs, overlapLength, type CandidatePair } from "@/lib/agreement/span-agreement";
import { matchSpans } from "./match-spans";

// The sweep must give exactly the groups of the documented all-pairs rule whenever no span has
// more than MAX_PARTNERS_PER_OWNER partners of one annotator. This is that rule, written the
// slow, obvious way (every pair is a candidate), as the reference.
function allPairsGroups(annotations: readonly SpanAnnotation[]): string[][] {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const spans = [...annotations].sort((x, y) => x.start - y.start || x.end - y.end || cmp(x.type, y.type) || cmp(x.annotatorId, y.annotatorId) || cmp(x.id, y.id));
  const parent: number[] = [];
  const members = new Map<number, SpanAnnotation[]>();
  spans.forEach((span, i) => {
    const root = [...members.keys()].find((r) => {
      const m = members.get(r)!;
      return m[0]!.type === span.type && m[0]!.start === span.start && m[0]!.end === span.end && parent[r] === r && !m.some((o) => o.annotatorId === span.annotatorId);
    });
    parent[i] = root ?? i;
    if (root === undefined) members.set(i, [span]);
    else members.get(root)!.push(span);
  });
  const find = (i: number): number => (parent[i] === i ? i : find(parent[i]!));
  const candidates: CandidatePair[] = [];
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const x = spans[i]!;
      const y = spans[j]!;
      if (x.type !== y.type || overlapLength(x, y) === 0) continue;
      candidates.push({ i, j, overlap: overlapLength(x, y), union: Math.max(x.end, y.end) - x.start, lowStart: x.start, highStart: y.start, lowEnd: Math.min(x.end, y.end) });
    }
  }
  candidates.sort(compareCandidates);
  for (const { i, j } of candidates) {
    const [ri, rj] = [find(i), find(j)];
    if (ri === rj) continue;
    const a = members.get(ri)!;
    const b = members.get(rj)!;
    if (a.some((m) => b.some((n) => n.annotatorId === m.annotatorId))) continue;
    if (!a.every((m) => b.every((n) => overlapLength(m, n) > 0))) continue;
    const [keep, drop] = ri < rj ? [ri, rj] : [rj, ri];
    parent[drop] = keep;
    members.set(keep, [...a, ...b]);
    members.delete(drop);
  }
  return normalise([...members.values()].map((m) => m.map((s) => s.id)));
}

const normalise = (groups: string[][]) => groups.map((g) => [...g].sort()).sort((x, y) => (x.join() < y.join() ? -1 : 1));

const spansArbitrary = fc.array(
  fc.record({ annotator: fc.constantFrom("ann", "bob", "cy"), type: fc.constantFrom("CLAIM", "QUOTE"), start: fc.integer({ min: 0, max: 60 }), length: fc.integer({ min: 0, max: 25 }) }),
  // At most MAX_PARTNERS_PER_OWNER spans, so the bound can never be reached here.
  { maxLength: MAX_PARTNERS_PER_OWNER },
);
const toAnnotations = (rows: Array<{ annotator: string; type: string; start: number; length: number }>): SpanAnnotation[] =>
  rows.map((r, k) => ({ id: `s${k}`, documentId: "doc1", annotatorId: r.annotator, type: r.type, start: r.start, end: r.start + r.length, attributes: {} }));

describe("matchSpans sweep", () => {
  it("groups exactly like the all-pairs rule on data below the partner bound", () => {
    fc.assert(
      fc.property(spansArbitrary, (rows) => {
        const annotations = toAnnotations(rows);
        const groups = matchSpans(annotations as LayerAnnotation[]).map((g) => g.members.map((m) => m.id));
        expect(normalise(groups)).toEqual(allPairsGroups(annotations));
      }),
      { numRuns: 300 },
    );
  });

  it("pairs spans for agreement exactly like comparing every pair", () => {
    fc.assert(
      fc.property(spansArbitrary, (rows) => {
        const spans = toAnnotations(rows);
        const a = spans.filter((s) => s.annotatorId === "ann");
        const b = spans.filter((s) => s.annotatorId !== "ann");
        const viaGroups = allPairsGroups([...a, ...b.map((s) => ({ ...s, annotatorId: "other" }))]).filter((g) => g.length === 2);
        const pairs = matchSpanPairs(a, b, "overlap").map(([i, j]) => [a[i]!.id, b[j]!.id]);
        expect(normalise(pairs)).toEqual(viaGroups);
      }),
      { numRuns: 300 },
    );
  });

  it("puts thousands of identical spans into one group per copy, without pairing the copies", () => {
    const copies = (annotatorId: string, n: number) => Array.from({ length: n }, (_, k) => ({ id: `${annotatorId}${k}`, documentId: "d", annotatorId, type: "CLAIM", start: 10, end: 20, attributes: {} }));
    const groups = matchSpans([...copies("ann", 3000), ...copies("bob", 2000)]);
    expect(groups).toHaveLength(3000);
    expect(groups.filter((g) => g.members.length === 2)).toHaveLength(2000);
    expect(groups[0]!.key).toBe("CLAIM:10:20");
    expect(groups[2999]!.key).toBe("CLAIM:10:20#3000");
  });

  it("bounds the partners of a span per other annotator on all-overlapping input", () => {
    const n = 2000;
    const spans = Array.from({ length: 2 * n }, (_, k) => ({ type: "CLAIM", owner: k % 2 ? "bob" : "ann", start: k, end: k + 10 * n }));
    let visited = 0;
    const count = forEachOverlapCandidate(spans, () => visited++);
    expect(count).toBe(visited);
    expect(count).toBeLessThanOrEqual(2 * n * MAX_PARTNERS_PER_OWNER);
    expect(count).toBeGreaterThan(n);
  });
});
