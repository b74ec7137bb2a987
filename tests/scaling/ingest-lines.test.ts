import { describe, it } from "vitest";
import { endsWithTerminalPunctuation, splitBlocks, splitLines, startsWithLowercase } from "@/lib/ingest/lines";
import { expectLinear } from "./expect-linear";
import { fill, HOSTILE_SHAPES } from "./ingest-shapes";

// Each input is a batch of lines so that one run at 1× takes a few milliseconds.
function lines(count: number, line: (n: number) => string, n: number): string[] {
  return Array.from({ length: count }, () => line(n));
}

describe("line rules scale linearly", () => {
  // A run of closing quotes or brackets in the middle of a line: /["')…]+$/ retried at every
  // position of the run.
  it.each([
    ["quotes", (n: number) => `a${fill(n, '"')}b`],
    ["brackets", (n: number) => `a${fill(n, ")")}b`],
    ["closers ending the line", (n: number) => `a.${fill(n, "”)")}`],
  ])("endsWithTerminalPunctuation on a run of %s", (_, line) => {
    expectLinear((n) => lines(20, line, n), (batch) => batch.map(endsWithTerminalPunctuation), { base: 100_000 });
  });

  it.each([
    ["openers", (n: number) => `${fill(n, "«(")}x`],
    ["openers then spaces", (n: number) => `«${fill(n, " ")}x`],
  ])("startsWithLowercase on a run of %s", (_, line) => {
    expectLinear((n) => lines(20, line, n), (batch) => batch.map(startsWithLowercase), { base: 100_000 });
  });

  it.each(Object.keys(HOSTILE_SHAPES))("splitBlocks on %s", (shape) => {
    const make = (n: number) => `${HOSTILE_SHAPES[shape]!(n)}\nand a line that continues it\n${HOSTILE_SHAPES[shape]!(n)}`;
    expectLinear(make, splitBlocks, { base: 200_000 });
  });

  it("splitLines on many short lines and on padded lines", () => {
    expectLinear((n) => fill(n, "word and\n   \r\n\t x \u2028"), splitLines, { base: 200_000 });
  });
});
