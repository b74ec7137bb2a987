import { describe, expect, it } from "vitest";
import { compileSearchQuery, literalPattern } from "./query-syntax";
import { firstHighlight, MARK_END, MARK_START, snippetOf } from "./snippet";

describe("compileSearchQuery", () => {
  it("ANDs words, keeps phrases, negations, OR groups and prefixes", () => {
    expect(compileSearchQuery("Lavrov United")).toBe("'Lavrov' & 'United'");
    expect(compileSearchQuery('"United States" -Trump')).toBe("'United States' & !'Trump'");
    expect(compileSearchQuery("Beijing OR Moscow summit")).toBe("('Beijing' | 'Moscow') & 'summit'");
    expect(compileSearchQuery("крити*")).toBe("'крити':*");
  });

  it("never lets tsquery operators or quotes through", () => {
    expect(compileSearchQuery("a&b|!c:* (d) <-> it's")).toBe("'a' & 'b' & 'c':* & 'd' & 'it''s'");
    expect(compileSearchQuery("back\\slash")).toBe("'back' & 'slash'");
  });

  it("refuses unbalanced quotes, empty, exclusion-only and overlong queries", () => {
    expect(() => compileSearchQuery('"open')).toThrow(/opening quote/);
    expect(() => compileSearchQuery("  ()  ")).toThrow(/no words/);
    expect(() => compileSearchQuery("-a -b")).toThrow(/only excludes/);
    expect(() => compileSearchQuery("x".repeat(501))).toThrow(/longer than 500/);
  });

  it("escapes LIKE wildcards for exact search", () => {
    expect(literalPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});

describe("snippets in code points", () => {
  it("finds the first highlighted run, joining a phrase's words", () => {
    const text = "🚀 the United States said";
    const marked = `🚀 the ${MARK_START}United${MARK_END} ${MARK_START}States${MARK_END} said`;
    expect(firstHighlight(marked, text)).toEqual({ start: 6, end: 19 });
    expect(firstHighlight(`${MARK_START}a${MARK_END} b ${MARK_START}c${MARK_END}`, "a b c")).toEqual({ start: 0, end: 1 });
    expect(firstHighlight("changed", text)).toBeNull();
  });

  it("cuts context at code points", () => {
    const text = `${"😀".repeat(100)}match${"😀".repeat(100)}`;
    const s = snippetOf(text, 100, 105);
    expect(s.match).toBe("match");
    expect(s.before).toBe(`…${"😀".repeat(80)}`);
    expect(s.after).toBe(`${"😀".repeat(80)}…`);
  });
});
