import { describe, expect, it } from "vitest";
import { asciiFileName, contentDisposition, fileStem, sanitizeFileName } from "./filename";

describe("sanitizeFileName", () => {
  it("neutralises path traversal, header injection and control characters", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("_.._etc_passwd");
    expect(sanitizeFileName('a"\r\nX-Evil: 1')).toBe("a___X-Evil_ 1");
    expect(sanitizeFileName("..")).toBe("export");
    expect(sanitizeFileName("/")).toBe("export");
    expect(sanitizeFileName("  .hidden. ")).toBe("hidden");
    expect(sanitizeFileName("CON.txt")).toBe("_CON.txt");
    expect(sanitizeFileName("a\u202Etxt.exe")).toBe("atxt.exe");
    expect(sanitizeFileName("x".repeat(300))).toBe("x".repeat(120));
  });
  it("keeps Cyrillic and emoji", () => {
    expect(sanitizeFileName("Проект «Пилот» 👍")).toBe("Проект «Пилот» 👍");
  });
  it("rejects non-strings and unsafe fallbacks", () => {
    expect(() => sanitizeFileName(5 as unknown as string)).toThrow(/must be a string/);
    expect(() => sanitizeFileName("x", "../x")).toThrow(/fallback/);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and an RFC 5987 UTF-8 name", () => {
    expect(contentDisposition("Проект «Пилот»", "zip")).toBe(
      "attachment; filename=\"export.zip\"; filename*=UTF-8''%D0%9F%D1%80%D0%BE%D0%B5%D0%BA%D1%82%20%C2%AB%D0%9F%D0%B8%D0%BB%D0%BE%D1%82%C2%BB.zip",
    );
    expect(contentDisposition("Café (v2)'s*", "csv")).toBe("attachment; filename=\"Cafe (v2)'s_.csv\"; filename*=UTF-8''Caf%C3%A9%20%28v2%29%27s_.csv");
    expect(contentDisposition("../../etc/passwd", "zip", "inline")).toBe(
      "inline; filename=\"_.._etc_passwd.zip\"; filename*=UTF-8''_.._etc_passwd.zip",
    );
  });
  it("never lets CR, LF or a quote into the header", () => {
    const h = contentDisposition('a"\r\nX-Evil: 1', "zip");
    expect(h).toBe("attachment; filename=\"a___X-Evil_ 1.zip\"; filename*=UTF-8''a___X-Evil_%201.zip");
    expect(/[\r\n]/.test(h)).toBe(false);
  });
  it("falls back when nothing ASCII is left and rejects unsafe extensions", () => {
    expect(asciiFileName("👍")).toBe("export");
    expect(() => contentDisposition("x", "zip\r\nX: y")).toThrow(/extension/);
  });
});

describe("fileStem", () => {
  it("is injective and path-safe", () => {
    expect(fileStem("ck9z-b.1_A")).toBe("ck9z-b.1_A");
    expect(fileStem("../a/b")).toBe("~2E.~2Fa~2Fb");
    expect(fileStem("a~2F")).toBe("a~7E2F");
    expect(fileStem("док")).toBe("~D0B4~D0BE~D0BA");
    expect(fileStem("a/b")).not.toBe(fileStem("a_b"));
  });
  it("rejects empty and overlong ids", () => {
    expect(() => fileStem("")).toThrow(/non-empty/);
    expect(() => fileStem("я".repeat(50))).toThrow(/too long/);
  });
});
