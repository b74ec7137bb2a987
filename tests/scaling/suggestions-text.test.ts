import { describe, it } from "vitest";
import { findClaims } from "@/lib/suggestions/claims";
import { findEditorial } from "@/lib/suggestions/editorial";
import { lineSpans, splitSentences } from "@/lib/suggestions/text-units";
import { expectLinear } from "./expect-linear";

// Sentence splitting, claims and editorial rules on runs that used to be re-read from every position.
describe("sentence splitting on runs of punctuation and space", () => {
  it("a run of dots (dot leaders, ellipses)", () => {
    expectLinear((n) => `Intro${".".repeat(n)} end`, splitSentences, { base: 500_000 });
  });
  it("'!!!!' spam", () => {
    expectLinear((n) => `Buy now${"!".repeat(n)} now`, splitSentences, { base: 500_000 });
  });
  it("spaced dot leaders and a long run of spaces", () => {
    expectLinear((n) => `Chapter one${" .".repeat(n / 2)} 12 and then${" ".repeat(n)}x`, splitSentences, { base: 200_000 });
  });
});

describe("claims", () => {
  const claims = (text: string) => findClaims(text, splitSentences(text));
  it("a number list '1,2,3,…' in one sentence", () => {
    expectLinear((n) => `The figures were ${Array.from({ length: n / 4 }, (_, i) => i % 1000).join(",")} in all, they say.`, claims, { base: 1_000_000 });
  });
  it("one long run of digits before a currency", () => {
    expectLinear((n) => `They paid ${"1".repeat(n)} dollars for it, they say.`, claims, { base: 500_000 });
  });
});

describe("editorial rules on one long line", () => {
  const editorial = (text: string) => findEditorial(text, lineSpans(text), new Set());
  it("many disclaimers in a line without sentence ends", () => {
    expectLinear((n) => "This does not reflect the views of the editors and ".repeat(n / 51), editorial, { base: 500_000 });
  });
  it("many asterisked names on one line after a footnote", () => {
    expectLinear((n) => `* Meduza is a foreign agent\n${"Meduza* said ".repeat(n / 13)}`, editorial, { base: 1_000_000 });
  });
  it("parentheses and brackets", () => {
    expectLinear((n) => `${"(".repeat(n / 2)}${")".repeat(n / 2)} ${"[".repeat(n)}`, editorial, { base: 200_000 });
  });
});
