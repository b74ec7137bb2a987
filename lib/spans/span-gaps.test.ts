import { describe, expect, it } from "vitest";
import { createSpanAnnotationSchema } from "@/lib/validation/annotations";
import { checkGaps, fragmentsOf, gapsOf, spanOfFragments, withGap } from "./span-gaps";

describe("gap rules", () => {
  it("accepts sorted, separated gaps strictly inside the span", () => {
    expect(checkGaps(10, 50, [{ start: 20, end: 25 }, { start: 30, end: 35 }])).toEqual({});
  });

  it("names the field of each broken rule", () => {
    expect(checkGaps(10, 50, [{ start: 10, end: 15 }])).toEqual({ "gaps.0.start": ["Gap 0 must start inside the span, after its start 10 (got 10)"] });
    expect(checkGaps(10, 50, [{ start: 40, end: 50 }])).toEqual({ "gaps.0.end": ["Gap 0 must end inside the span, before its end 50 (got 50)"] });
    expect(checkGaps(10, 50, [{ start: 20, end: 20 }])).toEqual({ "gaps.0.end": ["Gap 0 is empty: its end (20) must be after its start (20)"] });
    expect(checkGaps(10, 50, [{ start: 30, end: 35 }, { start: 20, end: 25 }])).toEqual({
      "gaps.1.start": ["Gaps must be sorted and separated by text: gap 1 starts at 20, gap 0 ends at 35"],
    });
    // Touching gaps would leave an empty fragment between them.
    expect(Object.keys(checkGaps(10, 50, [{ start: 20, end: 25 }, { start: 25, end: 30 }]))).toEqual(["gaps.1.start"]);
    expect(Object.keys(checkGaps(10, 50, [{ start: 20, end: 30 }, { start: 25, end: 35 }]))).toEqual(["gaps.1.start"]);
  });

  it("turns gaps into fragments and back", () => {
    const gaps = [{ start: 20, end: 25 }, { start: 30, end: 35 }];
    const fragments = fragmentsOf(10, 50, gaps);
    expect(fragments).toEqual([{ start: 10, end: 20 }, { start: 25, end: 30 }, { start: 35, end: 50 }]);
    expect(spanOfFragments([...fragments].reverse())).toEqual({ start: 10, end: 50, gaps });
    expect(fragmentsOf(10, 50, null)).toEqual([{ start: 10, end: 50 }]);
    // Touching fragments join; overlapping ones are refused.
    expect(spanOfFragments([{ start: 0, end: 5 }, { start: 5, end: 9 }])).toEqual({ start: 0, end: 9, gaps: null });
    expect(spanOfFragments([{ start: 0, end: 5 }, { start: 4, end: 9 }])).toBeNull();
  });

  it("reads stored gaps leniently and stores none as null", () => {
    expect(gapsOf(null)).toBeNull();
    expect(gapsOf([])).toBeNull();
    expect(gapsOf([{ start: 1, end: 2, extra: true }])).toEqual([{ start: 1, end: 2 }]);
    expect(gapsOf([{ start: "1", end: 2 }])).toBeNull();
  });

  it("cuts a gap into a span, merging gaps it touches, and refuses one at the edge", () => {
    expect(withGap({ start: 0, end: 50 }, { start: 10, end: 20 })).toEqual({ gaps: [{ start: 10, end: 20 }] });
    expect(withGap({ start: 0, end: 50, gaps: [{ start: 10, end: 20 }] }, { start: 18, end: 25 })).toEqual({ gaps: [{ start: 10, end: 25 }] });
    expect(withGap({ start: 0, end: 50, gaps: [{ start: 10, end: 20 }] }, { start: 30, end: 35 })).toEqual({ gaps: [{ start: 10, end: 20 }, { start: 30, end: 35 }] });
    expect(withGap({ start: 0, end: 50 }, { start: 0, end: 5 })).toEqual({ error: "Gap 0 must start inside the span, after its start 0 (got 0)" });
  });

  it("is enforced by the API schema with a precise path", () => {
    const bad = createSpanAnnotationSchema.safeParse({ type: "QUOTE", start: 0, end: 10, gaps: [{ start: 2, end: 12 }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["gaps.0.end", "Gap 0 must end inside the span, before its end 10 (got 12)"]]);
    expect(createSpanAnnotationSchema.safeParse({ type: "QUOTE", start: 0, end: 10, gaps: [{ start: 2, end: 4 }] }).success).toBe(true);
  });
});
