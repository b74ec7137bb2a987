import { describe, expect, it } from "vitest";
import { article, lineWith } from "./corpus.test-helper";
import { findQuotedSpans } from "./quote-marks";
import { lineSpans } from "./text-units";

const contents = (text: string) => findQuotedSpans(text, lineSpans(text)).map((q) => text.slice(q.contentStart, q.contentEnd));

describe("findQuotedSpans", () => {
  it("keeps nested guillemet/low-9 and curly quotes inside their parent", () => {
    expect(contents("Он сказал: «Это „новая эра“ для нас». Then “a “nested” one,” she said.")).toEqual(["Это „новая эра“ для нас", "a “nested” one"]);
    const line = lineWith(article("003"), "We intend to increase");
    expect(contents(line)).toEqual([line.slice(1, line.indexOf(",” the leaders"))]);
  });
  it("ends a straight quote re-opened after a full stop (scrape lost the closing mark)", () => {
    const line = lineWith(article("000"), "The parties checked their watches");
    const got = contents(line);
    expect(got.length).toBe(3);
    expect(got[0]?.endsWith("the Group of Twenty.")).toBe(true);
    expect(got[1]).toBe("The situation in the post–Soviet space, including the Ukrainian crisis, was discussed");
  });
  it("recovers a quote whose opening mark was lost before '…,\" the Sinologist argues'", () => {
    const line = lineWith(article("002"), "the Sinologist argues");
    expect(contents(line)).toEqual([line.slice(0, line.indexOf(',"'))]);
  });
  it("treats ', \"the secretariat … said' as a displaced closing mark", () => {
    const line = lineWith(article("004"), "The parties checked the clock");
    expect(contents(line)[1]).toBe("The situation in the post-Soviet space was discussed, including the Ukrainian crisis");
  });
  it("continues a quote over a paragraph break and keeps the nested straight quote inside", () => {
    const text = '"In principle, they can.\nIt is the "Northern Streams". A nerve was touched here," the expert believes.';
    expect(contents(text)).toEqual(['In principle, they can.\nIt is the "Northern Streams". A nerve was touched here']);
  });
  it("drops a stray opening mark and keeps the real quotes inside it", () => {
    const text = lineWith(article("004"), "And he added that");
    expect(contents(text)).toEqual(["Belarus is a very small state relative to Russia", "turned out to be in demand for huge Russia... we are needed in the Russian market."]);
  });
  it("ignores apostrophes", () => expect(contents("Putin’s visit and Let’s go")).toEqual([]));
  it("rejects bad input", () => expect(() => findQuotedSpans("x", null as unknown as [])).toThrow(TypeError));
});
