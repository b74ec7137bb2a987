import { describe, expect, it } from "vitest";
import { matchSpans, overlapRatio, speakerAccuracy, type GoldItem } from "./evaluate";
import type { Suggestion } from "./types";

const g = (start: number, end: number, speaker: string | null = null): GoldItem => ({ type: "QUOTE", form: "direct", speaker, start, end, text: "" });
const s = (start: number, end: number, speakerName?: string): Suggestion => ({
  suggester: "quote", rule: "r", type: "QUOTE", start, end, attributes: { form: "direct" }, confidence: 0.5, ...(speakerName ? { speakerName } : {}),
});

describe("overlapRatio", () => {
  it("is intersection over union", () => {
    expect(overlapRatio({ start: 0, end: 10 }, { start: 5, end: 15 })).toBe(5 / 15);
    expect(overlapRatio({ start: 0, end: 2 }, { start: 3, end: 4 })).toBe(0);
  });
  it("rejects reversed spans", () => expect(() => overlapRatio({ start: 5, end: 1 }, { start: 0, end: 1 })).toThrow(RangeError));
});

describe("matchSpans and speakerAccuracy", () => {
  it("matches one-to-one at ≥ 50% of the union and scores speakers by alias/surname", () => {
    const r = matchSpans([g(0, 10, "Vladimir Putin"), g(20, 30, "Alexey Maslov"), g(40, 50)], [s(0, 9, "Putin"), s(1, 10), s(20, 24, "Maslov"), s(40, 50)]);
    expect([r.score.gold, r.score.suggested, r.score.matched, r.score.precision, r.score.recall]).toEqual([3, 4, 2, 0.5, 2 / 3]);
    expect(r.score.f1).toBeCloseTo(4 / 7, 12);
    expect(r.missed.map((m) => m.start)).toEqual([20]);
    expect(speakerAccuracy(r.pairs)).toEqual({ judged: 1, correct: 1, accuracy: 1 });
  });
  it("rejects a bad threshold", () => expect(() => matchSpans([], [], 2)).toThrow(RangeError));
});

describe("buildLargeDocument", () => {
  it("rejects a non-positive sentence count", async () => {
    const { buildLargeDocument } = await import("./bench");
    expect(() => buildLargeDocument(["A b c d."], 0)).toThrow(RangeError);
    expect(buildLargeDocument(["One two three four. Five six seven eight."], 3)).toBe("One two three four. Five six seven eight.\n\nOne two three four.");
  });
});
