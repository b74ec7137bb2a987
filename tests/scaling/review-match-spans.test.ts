import { describe, expect, it } from "vitest";
import type { LayerAnnotation } from "@/lib/agreement/layer-annotation";
import { forEachOverlapCandidate, MAX_PARTNERS_PER_OWNER } from "@/lib/agreement/overlap-candidates";
import { spanAgreement, type Span } from "@/lib/agreement/span-agreement";
import { matchSentenceLabels, matchSpans } from "@/lib/review/match-spans";
import { expectLinear } from "./expect-linear";

// Review matching on hostile documents: n spans per annotator, two annotators. Bases are large
// enough that both sizes outgrow V8's young generation; below that the 1× run is flattered.
const TYPES = ["CLAIM", "QUOTE", "EDITORIAL"];

function layer(annotatorId: string, n: number, place: (k: number) => { start: number; end: number; type?: string }): LayerAnnotation[] {
  return Array.from({ length: n }, (_, k) => ({ id: `${annotatorId}-${k}`, documentId: "doc", annotatorId, type: "CLAIM", attributes: { checkworthy: k % 3 ? "yes" : "no" }, ...place(k) }));
}

/** Identical spans: every span of both annotators is CLAIM [100, 200). */
const identical = (n: number) => [...layer("ann", n, () => ({ start: 100, end: 200 })), ...layer("bob", n, () => ({ start: 100, end: 200 }))];
/** All-overlapping: span k starts at k and runs past every other span's start. */
const allOverlapping = (n: number) => [...layer("ann", n, (k) => ({ start: 2 * k, end: 2 * k + 4 * n })), ...layer("bob", n, (k) => ({ start: 2 * k + 1, end: 2 * k + 1 + 4 * n }))];
/** A normal document: sentence-sized spans, the second annotator's boundaries a little off. */
const normal = (n: number) => [
  ...layer("ann", n, (k) => ({ start: 100 * k, end: 100 * k + 60, type: TYPES[k % 3] })),
  ...layer("bob", n, (k) => ({ start: 100 * k + (k % 4), end: 100 * k + 60 - (k % 5), type: TYPES[k % 3] })),
];

describe("matchSpans scales linearly", () => {
  it("with identical spans", () => {
    expectLinear(identical, (spans) => matchSpans(spans), { base: 5000 });
  });

  it("with all-overlapping spans", () => {
    expectLinear(allOverlapping, (spans) => matchSpans(spans), { base: 1000 });
  });

  it("with normal spans", () => {
    expectLinear(normal, (spans) => matchSpans(spans), { base: 5000 });
  });

  it("with duplicated sentence labels", () => {
    const labels = (n: number) => ["ann", "bob"].flatMap((annotatorId) => Array.from({ length: n }, (_, k): LayerAnnotation => ({ id: `${annotatorId}-${k}`, documentId: "doc", annotatorId, type: "SENTENCE", sentenceIndex: 0, attributes: {} })));
    expectLinear(labels, (all) => matchSentenceLabels(all), { base: 5000 });
  });
});

describe("spanAgreement scales linearly", () => {
  const pairOf = (make: (n: number) => LayerAnnotation[]) => (n: number): [Span[], Span[]] => {
    const all = make(n);
    const spansOf = (annotatorId: string): Span[] => all.filter((s) => s.annotatorId === annotatorId).map((s) => ({ type: s.type, start: s.start!, end: s.end! }));
    return [spansOf("ann"), spansOf("bob")];
  };
  it.each([["identical", identical, 20_000], ["all-overlapping", allOverlapping, 1000], ["normal", normal, 50_000]] as const)("with %s spans", (_, make, base) => {
    expectLinear(pairOf(make), ([a, b]) => spanAgreement(a, b, "overlap"), { base });
  });
});

describe("10,000 spans per annotator", () => {
  it("match in bounded memory, examining a bounded number of candidate pairs", () => {
    const n = 10_000;
    for (const spans of [identical(n), allOverlapping(n)]) {
      const groups = matchSpans(spans);
      expect(groups.reduce((sum, g) => sum + g.members.length, 0)).toBe(2 * n);
      const sorted = [...spans].sort((x, y) => x.start! - y.start! || x.end! - y.end!);
      const examined = forEachOverlapCandidate(sorted.map((s) => ({ type: s.type, owner: s.annotatorId, start: s.start!, end: s.end! })), () => {});
      expect(examined).toBeLessThanOrEqual(2 * n * MAX_PARTNERS_PER_OWNER);
    }
    expect(matchSpans(identical(n)).filter((g) => g.agreed)).toHaveLength(n);
  });
});
