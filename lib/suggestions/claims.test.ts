import { describe, expect, it } from "vitest";
import { findClaims } from "./claims";
import { splitSentences } from "./text-units";

describe("findClaims", () => {
  it("flags checkable content sentences with the strongest signal", () => {
    const text = [
      "In the first seven months the growth amounted to 9.5%, that is, it is slower.",
      "Nevertheless, this year's trade turnover will probably amount to at least 180 billion dollars.",
      "That is, for the second year in a row, it has increased by a third.",
      "Xi Jinping for the first time proposed to the world the concept.",
      "The conversation on December 30 was the fourth meeting.",
      "By the way, this is already the 78th joint military exercise.",
      "Maybe the leaders talked about this, too, in 2022?",
      "It's worth a lot, however, with one caveat.",
      "1001",
    ].join("\n");
    const got = findClaims(text, splitSentences(text)).map((c) => [c.rule, text.slice(c.start, c.start + 12)]);
    expect(got).toEqual([
      ["claim.percent", "In the first"],
      ["claim.money", "Nevertheless"],
      ["claim.change", "That is, for"],
      ["claim.record", "Xi Jinping f"],
      ["claim.date", "The conversa"],
      ["claim.number", "By the way, "],
    ]);
  });
  it("skips boilerplate sentences", () => {
    expect(findClaims("Trade grew by 40% in 2022 overall.", [{ start: 0, end: 34, kind: "boilerplate" }])).toEqual([]);
  });
  it("rejects bad input", () => expect(() => findClaims("x", undefined as unknown as [])).toThrow(TypeError));
});
