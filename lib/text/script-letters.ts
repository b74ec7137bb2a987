// Counting the Latin and Cyrillic letters of a text in one pass over its UTF-16 units, without
// regex matches: scraped articles are classified sentence by sentence, and a regex run per word
// allocated a match object per run (the classifier's hottest spot on ordinary articles).

const LATIN = /^\p{Script=Latin}$/u;
const CYRILLIC = /^\p{Script=Cyrillic}$/u;
// Per code point: 0 not looked up yet, 1 neither, 2 Latin, 3 Cyrillic (the regexes decide once).
const scriptOf = new Uint8Array(0x110000);

function lookUp(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  const script = LATIN.test(char) ? 2 : CYRILLIC.test(char) ? 3 : 1;
  scriptOf[codePoint] = script;
  return script;
}

export type ScriptLetters = { latin: number; cyrillic: number };

/**
 * Adds to `counts` the UTF-16 units of `text` in Latin and in Cyrillic script letters: the same
 * numbers as summing the lengths of the matches of /\p{Script=Latin}+/gu and /\p{Script=Cyrillic}+/gu.
 */
export function addScriptLetters(text: string, counts: ScriptLetters): ScriptLetters {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      const lower = unit | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) counts.latin++;
      continue;
    }
    let codePoint = unit;
    let width = 1;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const script = scriptOf[codePoint] || lookUp(codePoint);
    if (script === 2) counts.latin += width;
    else if (script === 3) counts.cyrillic += width;
    i += width - 1;
  }
  return counts;
}
