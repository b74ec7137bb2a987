import { describe, expect, it } from "vitest";
import { addScriptLetters } from "./script-letters";
import { countMatchedUnits } from "./whitespace";

const byRegex = (text: string) => ({
  latin: countMatchedUnits(text, /\p{Script=Latin}+/gu),
  cyrillic: countMatchedUnits(text, /\p{Script=Cyrillic}+/gu),
});

describe("addScriptLetters", () => {
  it("counts what the script regexes match, unit for unit", () => {
    const samples = [
      "",
      "Мир peace 😀",
      "Ǆemal Ⅻ ﬁ café — Ёжик ҂ ꙮ ᲀ",
      "\ud800 lone \udc00 surrogates Я",
      "𝐀𝐁 mathematical, 𐐀 Deseret, ｆｕｌｌ width",
      "123 !? \u0301\u0483 combining",
    ];
    for (const text of samples) expect(addScriptLetters(text, { latin: 0, cyrillic: 0 })).toEqual(byRegex(text));
  });

  it("agrees on random text over many scripts", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 50; round++) {
      const text = Array.from({ length: 200 }, () => String.fromCodePoint(Math.floor(random() * 0x2ffff))).join("");
      expect(addScriptLetters(text, { latin: 0, cyrillic: 0 })).toEqual(byRegex(text));
    }
  });

  it("adds to the counts it is given", () => {
    expect(addScriptLetters("ab", addScriptLetters("вг", { latin: 1, cyrillic: 0 }))).toEqual({ latin: 3, cyrillic: 2 });
  });
});
