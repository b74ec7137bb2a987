import { describe, expect, it } from "vitest";
import {
  continuesPreviousLine,
  endsWithTerminalPunctuation,
  isWhitespace,
  splitBlocks,
  splitLines,
  startsWithLowercase,
} from "./lines";

describe("splitLines", () => {
  it("splits on LF, CRLF, CR and Unicode separators, trimming and dropping blank lines", () => {
    const text = " One \r\n\r\nTwo\rThree\u2028Four\n \t\nFive";
    expect(splitLines(text).map((r) => text.slice(r.start, r.end))).toEqual(["One", "Two", "Three", "Four", "Five"]);
    expect(splitLines(text)[0]).toEqual({ start: 1, end: 4 });
  });

  it("returns nothing for empty or whitespace-only text", () => {
    expect(splitLines("")).toEqual([]);
    expect(splitLines("\r\n \u00a0\n")).toEqual([]);
  });
});

describe("splitBlocks", () => {
  it("joins a line broken mid-sentence, even across a blank line", () => {
    const text = "Heading\nRussia allocated funds to partners\r\n\r\nto finance projects.\nNext.";
    expect(splitBlocks(text).map((b) => [text.slice(b.start, b.end), b.lines.length])).toEqual([
      ["Heading", 1],
      ["Russia allocated funds to partners\r\n\r\nto finance projects.", 2],
      ["Next.", 1],
    ]);
  });

  it("returns no blocks for blank text", () => {
    expect(splitBlocks("  \n ")).toEqual([]);
  });
});

describe("line predicates", () => {
  it("endsWithTerminalPunctuation looks through closing quotes and brackets", () => {
    expect(endsWithTerminalPunctuation("He said: “Yes.”")).toBe(true);
    expect(endsWithTerminalPunctuation("(see above…)")).toBe(true);
    expect(endsWithTerminalPunctuation("Union with Belarus")).toBe(false);
    expect(endsWithTerminalPunctuation("in an oriental way:")).toBe(false);
    expect(endsWithTerminalPunctuation("")).toBe(false);
  });

  it("startsWithLowercase looks through opening quotes, brackets and dashes", () => {
    expect(startsWithLowercase("«и так далее")).toBe(true);
    expect(startsWithLowercase("— and then")).toBe(true);
    expect(startsWithLowercase("\"And he added")).toBe(false);
    expect(startsWithLowercase("1001")).toBe(false);
    expect(startsWithLowercase("")).toBe(false);
  });

  it("continuesPreviousLine needs an unfinished line and a lower-case line of several words", () => {
    expect(continuesPreviousLine("to Belarusian partners", "to finance promising projects.")).toBe(true);
    expect(continuesPreviousLine("Moscow and Beijing are global partners", "foto")).toBe(false);
    expect(continuesPreviousLine("A finished sentence.", "and more words")).toBe(false);
    expect(continuesPreviousLine("", "")).toBe(false);
  });

  it("isWhitespace follows JS \\s", () => {
    expect(["\u00a0", "\r", "\u2028", "\ufeff", " "].map(isWhitespace)).toEqual([true, true, true, true, true]);
    expect(["\u200b", "x", ""].map(isWhitespace)).toEqual([false, false, false]);
  });
});
