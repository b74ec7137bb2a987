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

// Inputs are batches of BATCH equal texts of n units, so 1× takes a few milliseconds while one
// text stays small enough for the CPU caches at 10× too: between in-cache and out-of-cache
// sizes, time per character jumps, which a ratio would misread as quadratic. A quadratic
// step is caught at any size.
const BATCH = 20;
const BASE = 4_000;

/** BATCH blocks, each one sentence: every sentence-level rule sees the whole run. */
function sentenceBlocks(text: string): BlockText[] {
  return Array.from({ length: BATCH }, () => ({ text, sentences: [text] }));
}

describe("boilerplate rules scale linearly", () => {
  it.each([
    ["spaces", (n: number) => `Home${fill(n, " ")}page`],
    ["dots", (n: number) => `Contents${fill(n, ".")}5`],
    ["arrows and colons", (n: number) => `Read more${fill(n, " »:")}x`],
  ])("navigationKey on a run of %s mid-line", (_, line) => {
    expectLinear((n) => Array.from({ length: BATCH }, () => line(n)), (batch) => batch.map(navigationKey), { base: BASE });
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
    expectLinear((n) => sentenceBlocks(sentence(n)), classifyBlocks, { base: BASE });
  });

  // Block-level facts (page title bar, end punctuation, label line) once per block, not per sentence.
  it("one block of many sentences", () => {
    const make = (n: number) => {
      const text = `${fill(n, "Allies | Partners say so. ")}${fill(100, '"')}`;
      const block = { text, sentences: text.match(/[^.]+\./gu) ?? [] };
      return Array.from({ length: BATCH }, () => block);
    };
    expectLinear(make, classifyBlocks, { base: BASE });
  });

  it.each(Object.keys(HOSTILE_SHAPES))("classifyBlocks on %s", (shape) => {
    const make = (n: number) => Array.from({ length: BATCH }, () => blocksOf(HOSTILE_SHAPES[shape]!(n))).flat();
    expectLinear(make, classifyBlocks, { base: BASE });
  });
});
