import { describe, expect, it } from "vitest";
import { spanSummary, spanSummaryParts } from "./span-summary";

const text = "Lavrov said the talks failed.";
const textOf = (r: { start: number; end: number }) => text.slice(r.start, r.end);

describe("spanSummary", () => {
  it("reads stance, speaker and cue of a quote in that order", () => {
    const quote = { type: "QUOTE", attributes: { form: "direct", cue: { start: 7, end: 11 }, stance: [{ target: "Ukraine", value: -1 }] }, speaker: { name: "Sergey Lavrov" } };
    expect(spanSummary(quote, textOf)).toBe("QUOTE · Ukraine −1 (against) · speaker: Sergey Lavrov · cue: “said” · form: direct");
  });

  it("says when a target has no stance value and leaves out what is not set", () => {
    const claim = { type: "CLAIM", attributes: { checkworthy: "", stance: [{ target: "United States", value: null }, { target: "China", value: 2 }] }, speaker: null };
    expect(spanSummaryParts(claim, textOf)).toEqual(["United States: no stance", "China +2 (strongly for)"]);
  });

  it("ignores malformed attributes instead of failing", () => {
    expect(spanSummary({ type: "EDITORIAL", attributes: { stance: "oops", cue: { start: "x" } }, speaker: null }, textOf)).toBe("EDITORIAL");
  });
});
