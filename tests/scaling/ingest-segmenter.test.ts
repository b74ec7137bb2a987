import { describe, expect, it } from "vitest";
import { NO_WINDOWS, sentencePieces } from "@/lib/ingest/sentence-windows";
import { splitSentences } from "@/lib/ingest/sentences";
import { expectLinear } from "./expect-linear";
import { HOSTILE_SHAPES } from "./ingest-shapes";

// Bases are a few hundred KB: below that the text fits the CPU caches and 1× looks cheaper
// per character than it is.
describe("sentence segmentation scales linearly", () => {
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

  it("Intl.Segmenter through windows on a one-line article", () => {
    expectLinear(HOSTILE_SHAPES.oneLineArticle!, (text) => Array.from(sentencePieces(text, segmenter)), { base: 200_000 });
  });

  it("needs the windows: Intl.Segmenter over the whole one-line article is caught", () => {
    expect(() =>
      expectLinear(HOSTILE_SHAPES.oneLineArticle!, (text) => Array.from(sentencePieces(text, segmenter, NO_WINDOWS)), {
        base: 20_000,
        runs: 2,
      }),
    ).toThrow(/time for 10× the input/);
  });

  it.each(Object.keys(HOSTILE_SHAPES))("splitSentences on one block shaped %s", (shape) => {
    expectLinear(HOSTILE_SHAPES[shape]!, (text) => splitSentences(text, "en"), { base: 200_000 });
  });

  // The same shapes as lines of ~200 characters: many blocks instead of one.
  it.each(["oneLineArticle", "russianGuillemets", "wordsWithBangs", "jsonBlob", "dotLeaders"])(
    "splitSentences on %s broken into lines",
    (shape) => {
      const make = (n: number) => HOSTILE_SHAPES[shape]!(n).replace(/(.{200}) /gsu, "$1\n");
      expectLinear(make, (text) => splitSentences(text, "ru"), { base: 200_000 });
    },
  );
});
