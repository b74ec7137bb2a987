import { describe, expect, it } from "vitest";
import { compactKey, foldName, namesLikelySame, translitKey } from "./names";

describe("foldName", () => {
  it("folds case, diacritics and apostrophes", () => expect(foldName("The Zélensky’s  Office")).toBe("zelenskys office"));
  it("rejects non-strings", () => expect(() => foldName(undefined as unknown as string)).toThrow(TypeError));
});

describe("translitKey", () => {
  it("collapses transliteration variants", () => {
    expect(new Set(["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskij"].map(translitKey))).toEqual(new Set(["zelenski"]));
    expect(translitKey("Lukashenka")).toBe(translitKey("Lukashenko"));
    expect(translitKey("Sergey Lavrov")).toBe(translitKey("Sergei Lavrov"));
    expect(translitKey("Alexey")).toBe(translitKey("Aleksei"));
    expect(translitKey("Khodorkovsky")).toBe("hodorkovski");
    expect(compactKey("Xi Jin Ping")).toBe(compactKey("Xi Jinping"));
  });
});

describe("namesLikelySame", () => {
  it("accepts surnames, Chinese family names and truncated organisations", () => {
    expect(namesLikelySame("Putin", "Vladimir Putin")).toBe(true);
    expect(namesLikelySame("Lukashenka", "Alexander Lukashenko")).toBe(true);
    expect(namesLikelySame("Xi", "Xi Jinping")).toBe(true);
    expect(namesLikelySame("Secretariat of the Deputy Chairman", "secretariat of the deputy chairman of the Security Council")).toBe(true);
  });
  it("rejects different people and empty names", () => {
    expect(namesLikelySame("Dmitry Medvedev", "Xi Jinping")).toBe(false);
    expect(namesLikelySame("", "Putin")).toBe(false);
  });
});
