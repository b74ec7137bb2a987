import { describe, it } from "vitest";
import { classifyBlocks, navigationKey, type BlockText } from "@/lib/ingest/boilerplate";
import { splitSentences } from "@/lib/ingest/sentences";
import { expectLinear } from "./expect-linear";
import { fill, HOSTILE_SHAPES } from "./ingest-shapes";

/** The blocks and sentence texts classifyBlocks receives for `text` (segmentation is not timed). */
function blocksOf(text: string): BlockText[] {
  return splitSentences(text).map((block) => ({
    text: text.slice(block.start, block.end),
    sentences: block.sentences.map((s) => text.slice(s.start, s.end)),
  }));
}

/** Five blocks, each one sentence: every sentence-level rule sees the whole run. */
function sentenceBlocks(text: string): BlockText[] {
  return Array.from({ length: 5 }, () => ({ text, sentences: [text] }));
}

// Bases are kept small (1× runs a few milliseconds, 10× stays within the CPU caches): on a
// busy machine, memory-bound work on megabytes times unevenly.

describe("boilerplate rules scale linearly", () => {
  it.each([
    ["spaces", (n: number) => `Home${fill(n, " ")}page`],
    ["dots", (n: number) => `Contents${fill(n, ".")}5`],
    ["arrows and colons", (n: number) => `Read more${fill(n, " »:")}x`],
  ])("navigationKey on a run of %s mid-line", (_, line) => {
    expectLinear((n) => Array.from({ length: 10 }, () => line(n)), (batch) => batch.map(navigationKey), { base: 20_000 });
  });

  // Each shape is a rule's worst case: a run its regex could backtrack over.
  it.each([
    ["count: digits and spaces", (n: number) => `1${fill(n, " 2")} x`],
    ["count: a label, spaces, digits", (n: number) => `views${fill(n, " ")}1 x`],
    ["count: digits, dots, commas", (n: number) => `1${fill(n, ".,")} likes x`],
    ["copyright: repeated words", (n: number) => fill(n, "reproduction of the text ")],
    ["copyright: repeated Russian words", (n: number) => fill(n, "перепечатка текста ")],
    ["dateline: spaces after the label", (n: number) => `Published${fill(n, " ")}x`],
    ["byline: spaces after the label", (n: number) => `By${fill(n, " ")}x`],
    ["photo credit: capitalised words", (n: number) => fill(n, "Aa ")],
    ["photo credit: one long word", (n: number) => `A${fill(n, "a")}`],
    ["widget: register … sign in", (n: number) => `Register${fill(n, " sign in x")}`],
    ["timestamped headline: bullets", (n: number) => `${fill(n, "•")} 12:30`],
    ["other script: mixed letters", (n: number) => fill(n, "Мир peace ")],
  ])("a sentence of %s", (_, sentence) => {
    expectLinear((n) => sentenceBlocks(sentence(n)), classifyBlocks, { base: 20_000 });
  });

  // Block-level facts (page title bar, end punctuation, label line) once per block, not per sentence.
  it("one block of many sentences", () => {
    const make = (n: number) => {
      const text = `${fill(n, "Allies | Partners say so. ")}${fill(1_000, '"')}`;
      return [{ text, sentences: text.match(/[^.]+\./gu) ?? [] }];
    };
    expectLinear(make, classifyBlocks, { base: 20_000 });
  });

  it.each(Object.keys(HOSTILE_SHAPES))("classifyBlocks on %s", (shape) => {
    expectLinear((n) => blocksOf(HOSTILE_SHAPES[shape]!(n)), classifyBlocks, { base: 30_000 });
  });
});
