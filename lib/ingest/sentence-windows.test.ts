import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CORPUS, readCorpus } from "./corpus.test-helper";
import { NO_WINDOWS, sentencePieces, type WindowSizes } from "./sentence-windows";
import { splitSentences } from "./sentences";

const segmenters = {
  default: new Intl.Segmenter(undefined, { granularity: "sentence" }),
  en: new Intl.Segmenter("en", { granularity: "sentence" }),
  ru: new Intl.Segmenter("ru", { granularity: "sentence" }),
};

// Words and marks of ordinary news text, including everything the join rules react to.
const WORDS = [
  "the", "minister", "said", "that", "Russia", "China", "trade", "grew", "in", "2022", "3.5%",
  "$1.2", "billion", "U.S.", "Mr.", "Dr.", "St.", "Petersburg", "i.e.", "e.g.", "No.", "5",
  "Jan.", "V.", "Putin", "etc.", "Путин", "заявил", "что", "т.е.", "г.", "Москва", "в", "2022",
  "«Россия»", "“partners”", "\"allies\"", "(approx.", "InoSMI)", "[sic]", "—", "-", "😀", "🇷🇺",
  "well,", "however,", "Pres.", "pp.", "10–12", "a.m.", "U.K.", "д.", "ул.", "Ленина",
];
const ENDINGS = [".", ".", ".", "!", "?", "…", "...", ".\"", ".”", "?»", "!)", ".]", ""];
const SPACES = [" ", " ", " ", "  ", "\u00a0"];

const sentence = fc
  .tuple(
    fc.constantFrom("The", "But", "Он", "«Мы", "\"We", "(In", "According", "it", "Ещё", "1."),
    fc.array(fc.tuple(fc.constantFrom(...SPACES), fc.constantFrom(...WORDS)), { minLength: 1, maxLength: 25 }),
    fc.constantFrom(...ENDINGS),
  )
  .map(([first, rest, ending]) => first + rest.map(([space, word]) => space + word).join("") + ending);

const paragraph = fc
  .array(fc.tuple(sentence, fc.constantFrom(...SPACES)), { minLength: 1, maxLength: 30 })
  .map((parts) => parts.map(([s, space]) => s + space).join("").trim());

const article = fc
  .array(fc.tuple(paragraph, fc.constantFrom("\n", "\n\n", "\r\n", " ")), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.map(([p, br]) => p + br).join(""));

const smallWindows = fc
  .constantFrom(16, 24, 40, 64, 100, 256)
  .map((window): WindowSizes => ({ window, maxWindow: 1_024 }));

function pieces(text: string, segmenter: Intl.Segmenter, sizes: WindowSizes) {
  return Array.from(sentencePieces(text, segmenter, sizes));
}

describe("windowed sentence segmentation", () => {
  it("finds the same Intl.Segmenter pieces as one pass over the whole text", () => {
    fc.assert(
      fc.property(article, smallWindows, fc.constantFrom("default", "en", "ru") as fc.Arbitrary<keyof typeof segmenters>, (text, sizes, locale) => {
        const flat = text.replace(/[\r\n]/g, " ");
        const segmenter = segmenters[locale];
        expect(pieces(flat, segmenter, sizes)).toEqual(pieces(flat, segmenter, NO_WINDOWS));
      }),
      { numRuns: 400 },
    );
  });

  it("gives the same sentences as unwindowed segmentation", () => {
    fc.assert(
      fc.property(article, smallWindows, fc.constantFrom(undefined, "en", "ru"), (text, sizes, language) => {
        expect(splitSentences(text, language, sizes)).toEqual(splitSentences(text, language, NO_WINDOWS));
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same sentences on the corpus with tiny windows", () => {
    for (const name of Object.keys(CORPUS) as Array<keyof typeof CORPUS>) {
      const text = readCorpus(name);
      for (const window of [32, 200]) {
        const sizes = { window, maxWindow: 4_096 };
        expect(splitSentences(text, "en", sizes)).toEqual(splitSentences(text, "en", NO_WINDOWS));
      }
    }
  });

  it("covers a text without any boundary, cutting it only after maxWindow characters", () => {
    const text = "word ".repeat(1_000).trim();
    const sizes = { window: 64, maxWindow: 1_024 };
    const found = pieces(text, segmenters.default, sizes);
    expect(found[0]?.start).toBe(0);
    expect(found[found.length - 1]?.end).toBe(text.length);
    found.forEach((piece, i) => {
      expect(piece.end).toBeGreaterThan(piece.start);
      if (i > 0) expect(piece.start).toBe(found[i - 1]?.end);
      if (i < found.length - 1) expect(piece.end - piece.start).toBeGreaterThan(512);
    });
    // The cuts land in lower-case words, so the join rules glue the sentence back together.
    expect(splitSentences(text, undefined, sizes)[0]?.sentences).toEqual([{ start: 0, end: text.length }]);
  });

  it("never splits a surrogate pair at a window edge", () => {
    const text = "😀".repeat(3_000);
    const found = pieces(text, segmenters.default, { window: 63, maxWindow: 127 });
    for (const piece of found) {
      expect(text.charCodeAt(piece.start) >= 0xdc00 && text.charCodeAt(piece.start) <= 0xdfff).toBe(false);
    }
    expect(found.map((p) => text.slice(p.start, p.end)).join("")).toBe(text);
  });
});
