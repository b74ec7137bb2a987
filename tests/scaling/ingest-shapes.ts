// Shapes scraped text really comes in, each growing with `n` (the length in UTF-16 units) as
// one unbroken run or one unbroken line: the inputs that make a careless regex or a per-sentence
// rescan quadratic. Shared by the ingest scaling tests and the ingest benchmark.

/** `unit` repeated to exactly `n` UTF-16 units (never splitting a surrogate pair of `unit`). */
export function fill(n: number, unit: string): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n).replace(/[\ud800-\udbff]$/, "");
}

const SENTENCE = "The minister said that trade with China grew by 3.5% in 2022, i.e. a record for the U.S. envoy. ";

export const HOSTILE_SHAPES: Readonly<Record<string, (n: number) => string>> = {
  // A whole article from a JSON field: thousands of sentences, no line break.
  oneLineArticle: (n) => fill(n, SENTENCE),
  quoteRun: (n) => `He said ${fill(n, '"')} nothing`,
  parenRun: (n) => `a${fill(n, ")")}b`,
  // &nbsp; padding turned into spaces, in the middle of a line.
  spaceRun: (n) => `Home${fill(n, " ")}page`,
  dotRun: (n) => `Contents${fill(n, ".")}5`,
  dotLeaders: (n) => fill(n, "Chapter one: the partners ........................ 5 "),
  jsonBlob: (n) => fill(n, '{"title": "Putin (RIA)", "ids": [1, 2, 3], "q": "\\"a\\")"}, '),
  russianGuillemets: (n) => fill(n, "Путин « заявил, что « Россия готова к переговорам. "),
  bangSpam: (n) => fill(n, "!!!! "),
  wordsWithBangs: (n) => fill(n, "Wow!!!! Great!!! "),
  numberList: (n) => fill(n, "1. 2. 3. 15. 2022. "),
  digitsAndSpaces: (n) => `1${fill(n, " 2 345")} views`,
  repeatedWord: (n) => fill(n, "reproduction Перепечатка "),
  noBoundary: (n) => fill(n, "word "),
  noSpaces: (n) => fill(n, "abcdefghij"),
  bulletRun: (n) => `${fill(n, "•")} 12:30 News`,
  titleBars: (n) => fill(n, "Allies and partners | Latest news. "),
  emoji: (n) => fill(n, "Мир 😀 🇷🇺 peace. "),
};

/** Every hostile shape at about n/shapes units, one per line: one article that has them all. */
export function hostileArticle(n: number): string {
  const shapes = Object.values(HOSTILE_SHAPES);
  const each = Math.ceil(n / shapes.length);
  return shapes.map((shape) => shape(each)).join("\n\n");
}
