import { describe, expect, it } from "vitest";
import { normalizeForComparison, normalizedTextHash } from "./normalize";

describe("normalizeForComparison", () => {
  it("composes, case-folds and collapses whitespace", () => {
    expect(normalizeForComparison("  Cafe\u0301\r\n\tSTRASSE  Straße ΟΔΟΣ ")).toBe("café strasse strasse οδοσ");
    expect(normalizeForComparison("Ёж\u00a0 Ёж")).toBe("ёж ёж");
  });

  it("maps empty and whitespace-only text to the empty string", () => {
    expect(normalizeForComparison("")).toBe("");
    expect(normalizeForComparison(" \n\u2028 ")).toBe("");
  });
});

describe("normalizedTextHash", () => {
  it("is the SHA-256 of the normalized text", () => {
    expect(normalizedTextHash("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(normalizedTextHash(" ABC\n")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("ignores normalization form, case and whitespace but not wording", () => {
    const a = normalizedTextHash("Путин  сказал:\r\n«Да».");
    expect(normalizedTextHash("путин сказал: «ДА».")).toBe(a);
    expect(normalizedTextHash("путин сказал: «нет».")).not.toBe(a);
    expect(normalizedTextHash("e\u0301")).toBe(normalizedTextHash("\u00e9"));
  });
});
