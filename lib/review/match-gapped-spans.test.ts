import { describe, expect, it } from "vitest";
import type { LayerAnnotation } from "@/lib/agreement/layer-annotation";
import { spanAgreement } from "@/lib/agreement/span-agreement";
import { matchSpans } from "./match-spans";

// "For this reason, she added, he is satisfied": QUOTE [0, 44) with the attribution [15, 27) cut out.
const quote = (annotatorId: string, gaps?: { start: number; end: number }[]): LayerAnnotation => ({
  id: `${annotatorId}-q`, documentId: "doc1", annotatorId, type: "QUOTE", start: 0, end: 44, ...(gaps ? { gaps } : {}), attributes: { form: "direct" },
});
const summary = (groups: ReturnType<typeof matchSpans>) => groups.map((g) => ({ annotators: g.members.map((m) => m.annotatorId), agreed: g.agreed, differences: g.differences }));

describe("matching discontinuous spans", () => {
  it("agrees only when the fragments are the same", () => {
    expect(summary(matchSpans([quote("ann", [{ start: 15, end: 27 }]), quote("bob", [{ start: 15, end: 27 }])]))).toEqual([
      { annotators: ["ann", "bob"], agreed: true, differences: [] },
    ]);
    // Same extent, one without the gap (or another gap): one group, boundaries differ.
    expect(summary(matchSpans([quote("ann", [{ start: 15, end: 27 }]), quote("bob")]))).toEqual([
      { annotators: ["ann", "bob"], agreed: false, differences: ["boundaries"] },
    ]);
    expect(summary(matchSpans([quote("ann", [{ start: 15, end: 27 }]), quote("bob", [{ start: 16, end: 27 }])]))).toEqual([
      { annotators: ["ann", "bob"], agreed: false, differences: ["boundaries"] },
    ]);
  });

  it("counts an exact span match in agreement only when the fragments match", () => {
    const gapped = { type: "QUOTE", start: 0, end: 44, gaps: [{ start: 15, end: 27 }] };
    const plain = { type: "QUOTE", start: 0, end: 44 };
    expect(spanAgreement([gapped], [{ ...gapped }], "exact").overall).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(spanAgreement([gapped], [plain], "exact").overall).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    // Overlap mode compares extents, as for contiguous spans.
    expect(spanAgreement([gapped], [plain], "overlap").overall).toMatchObject({ tp: 1 });
  });
});
