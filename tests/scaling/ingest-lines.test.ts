import { describe, it } from "vitest";
import { endsWithTerminalPunctuation, splitBlocks, splitLines, startsWithLowercase } from "@/lib/ingest/lines";
import { expectLinear } from "./expect-linear";
import { fill, HOSTILE_SHAPES } from "./ingest-shapes";

// Inputs are batches of BATCH equal texts of n units, so 1× takes a few milliseconds while one
// text stays small enough for the CPU caches at 10× too (see ingest-boilerplate.test.ts).
const BATCH = 20;
const BASE = 4_000;

function lines(line: (n: number) => string, n: number): string[] {
  return Array.from({ length: BATCH }, () => line(n));
}

describe("line rules scale linearly", () => {
  // A run of closing quotes or brackets in the middle of a line: /["')…]+$/ retried at every
  // position of the run.
  it.each([
    ["quotes", (n: number) => `a${fill(n, '"')}b`],
    ["brackets", (n: number) => `a${fill(n, ")")}b`],
    ["closers ending the line", (n: number) => `a.${fill(n, "”)")}`],
  ])("endsWithTerminalPunctuation on a run of %s", (_, line) => {
    expectLinear((n) => lines(line, n), (batch) => batch.map(endsWithTerminalPunctuation), { base: BASE });
  });

  it.each([
    ["openers", (n: number) => `${fill(n, "«(")}x`],
    ["openers then spaces", (n: number) => `«${fill(n, " ")}x`],
  ])("startsWithLowercase on a run of %s", (_, line) => {
    expectLinear((n) => lines(line, n), (batch) => batch.map(startsWithLowercase), { base: BASE });
  });

  it.each(Object.keys(HOSTILE_SHAPES))("splitBlocks on %s", (shape) => {
    const make = (n: number) => lines((size) => `${HOSTILE_SHAPES[shape]!(size)}\nand a line that continues it\n`, n);
    expectLinear(make, (batch) => batch.map(splitBlocks), { base: BASE });
  });

  it("splitLines on many short lines and on padded lines", () => {
    expectLinear((n) => lines((size) => fill(size, "word and\n   \r\n\t x \u2028"), n), (batch) => batch.map(splitLines), {
      base: BASE,
    });
  });
});
