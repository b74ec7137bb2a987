import { describe, expect, it } from "vitest";
import { jaroWinkler, levenshtein, levenshteinRatio } from "./similarity";

describe("levenshtein", () => {
  it("counts edits", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshteinRatio("lukashenko", "lukashenka")).toBe(0.9);
  });
  it("rejects non-strings", () => expect(() => levenshtein(null as unknown as string, "a")).toThrow(TypeError));
});

describe("jaroWinkler", () => {
  it("matches the textbook value", () => {
    expect(jaroWinkler("MARTHA", "MARHTA").toFixed(4)).toBe("0.9611");
    expect(jaroWinkler("abc", "abc")).toBe(1);
    expect(jaroWinkler("abc", "")).toBe(0);
  });
  it("rejects non-strings", () => expect(() => jaroWinkler("a", 1 as unknown as string)).toThrow(TypeError));
});
