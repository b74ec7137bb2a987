import { describe, it } from "vitest";
import { attributionBefore, CueIndex } from "@/lib/suggestions/attribution";
import { EntityIndex } from "@/lib/suggestions/entities";
import { findQuotedSpans } from "@/lib/suggestions/quote-marks";
import { findQuotes } from "@/lib/suggestions/quotes";
import { parseSpeakerPhrase } from "@/lib/suggestions/speakers";
import { lineSpans, splitSentences } from "@/lib/suggestions/text-units";
import { expectLinear } from "./expect-linear";

// Quote pairing, direct quotes and speaker phrases on text that used to cost time quadratic in its length.
const spans = (text: string) => findQuotedSpans(text, lineSpans(text));
const quotes = (text: string) => findQuotes(text, lineSpans(text), splitSentences(text), new EntityIndex([]));

describe("quote marks", () => {
  it("unmatched « (Russian text with stray guillemets)", () => {
    expectLinear((n) => "«Он сказал ".repeat(n / 11), spans, { base: 500_000 });
  });
  it("unmatched “ with closed quotes nested inside", () => {
    expectLinear((n) => "“He said «yes» and ".repeat(n / 19), spans, { base: 1_000_000 });
  });
  it("unmatched « across many paragraphs", () => {
    expectLinear((n) => "«Он сказал\n".repeat(n / 11), spans, { base: 200_000 });
  });
  it("a pasted JSON blob full of \" and )", () => {
    expectLinear((n) => '{"key": "value (x)", "list": [1, 2, "a)"]}, '.repeat(n / 44), spans, { base: 50_000 });
  });
});

describe("direct quotes and their attribution", () => {
  it("one line, many quotes, no period", () => {
    expectLinear((n) => 'he said "abc" and '.repeat(n / 18), quotes, { base: 100_000 });
  });
  it("one line of quotes introduced by colons", () => {
    expectLinear((n) => 'X put it: "a b" '.repeat(n / 16), quotes, { base: 20_000 });
  });
  it("the last cue before each of many quotes in one sentence", () => {
    expectLinear(
      (n) => {
        const text = 'Putin said "a" and '.repeat(n / 19);
        return { text, marks: [...text.matchAll(/"a/g)].map((m) => m.index) };
      },
      ({ text, marks }) => {
        const cues = new CueIndex(text);
        for (const at of marks) attributionBefore(text, 0, at, cues);
      },
      { base: 100_000 },
    );
  });
});

describe("speaker phrases", () => {
  it("'really ' repeated before the cue", () => {
    expectLinear((n) => `He ${"really ".repeat(n / 7)}`, (np) => parseSpeakerPhrase(np, "last"), { base: 1_000_000 });
  });
  it("a long run of spaces in the phrase", () => {
    expectLinear((n) => `the minister${" ".repeat(n)}x`, (np) => parseSpeakerPhrase(np, "last"), { base: 200_000 });
  });
});
