import { describe, expect, it } from "vitest";
import { detectLanguage, segmenterLocale } from "./language";
import { readCorpus } from "./corpus.test-helper";

describe("detectLanguage", () => {
  it("detects English for the corpus articles, Russian sidebar and all", () => {
    expect(detectLanguage(readCorpus("cnnInosmi"))).toBe("en");
    expect(detectLanguage(readCorpus("moscowPost"))).toBe("en");
  });

  it("detects Russian", () => {
    expect(detectLanguage("Президент России провёл переговоры с председателем КНР в Пекине. Стороны подписали заявление.")).toBe("ru");
  });

  it("returns und for text too short or without letters", () => {
    expect(detectLanguage("Войти")).toBe("und");
    expect(detectLanguage("")).toBe("und");
    expect(detectLanguage("1001 / 0 / 0 — 22.09 06:34 ........")).toBe("und");
  });
});

describe("segmenterLocale", () => {
  it("accepts language codes and tags", () => {
    expect(segmenterLocale("ru")).toBe("ru");
    expect(segmenterLocale("en-us")).toBe("en-US");
  });

  it("returns undefined for und, empty, missing and malformed tags", () => {
    expect(segmenterLocale("und")).toBeUndefined();
    expect(segmenterLocale("")).toBeUndefined();
    expect(segmenterLocale(undefined)).toBeUndefined();
    expect(segmenterLocale("not a locale!!")).toBeUndefined();
  });
});
