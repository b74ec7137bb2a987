import { describe, expect, it } from "vitest";
import { decodeUpload, findInvalidUtf8, sniffBinary, type UploadEncoding } from "./decode";
import { readCorpus } from "./corpus.test-helper";

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => Uint8Array.from(values);

// "Привет, мир! Ёж" in the two legacy Cyrillic code pages (bytes from the code tables).
const WINDOWS_1251 = bytes(0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0, 0x21, 0x20, 0xa8, 0xe6);
const KOI8_R = bytes(0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x2c, 0x20, 0xcd, 0xc9, 0xd2, 0x21, 0x20, 0xb3, 0xd6);

describe("decodeUpload", () => {
  it("decodes UTF-8 and keeps CRLF and every other character", () => {
    expect(decodeUpload(utf8("Да.\r\nНет 😀\r\n"))).toEqual({ ok: true, text: "Да.\r\nНет 😀\r\n" });
  });

  it("decodes a corpus article unchanged", () => {
    const text = readCorpus("cnnInosmi");
    expect(decodeUpload(utf8(text))).toEqual({ ok: true, text });
  });

  it("strips a leading UTF-8 BOM only", () => {
    expect(decodeUpload(bytes(0xef, 0xbb, 0xbf, 0x41, 0xef, 0xbb, 0xbf))).toEqual({ ok: true, text: "A\uFEFF" });
  });

  it("reports the byte offset of the first invalid UTF-8 byte", () => {
    // "Да, " is 6 bytes; then 0xF0 (windows-1251 "р") opens a 4-byte sequence that a space breaks.
    const input = new Uint8Array([...utf8("Да, "), 0xf0, 0x20, 0x41]);
    expect(decodeUpload(input)).toEqual({
      ok: false,
      code: "invalid_utf8",
      message:
        "Invalid UTF-8 at byte 6; if the file is in a legacy Cyrillic encoding, choose windows-1251 or koi8-r.",
      byteOffset: 6,
    });
  });

  it("counts the BOM in the reported byte offset", () => {
    const result = decodeUpload(bytes(0xef, 0xbb, 0xbf, 0x41, 0x42, 0xff));
    expect(result).toMatchObject({ ok: false, code: "invalid_utf8", byteOffset: 5 });
  });

  it("reports windows-1251 bytes read as UTF-8 at their first byte", () => {
    expect(decodeUpload(WINDOWS_1251)).toMatchObject({ ok: false, code: "invalid_utf8", byteOffset: 0 });
  });

  it("decodes windows-1251 and koi8-r Cyrillic", () => {
    expect(decodeUpload(WINDOWS_1251, "windows-1251")).toEqual({ ok: true, text: "Привет, мир! Ёж" });
    expect(decodeUpload(KOI8_R, "koi8-r")).toEqual({ ok: true, text: "Привет, мир! Ёж" });
  });

  it("refuses a PNG renamed to .txt", () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52);
    expect(decodeUpload(png)).toEqual({
      ok: false,
      code: "binary",
      message: "This looks like a PNG image, not a text file.",
    });
  });

  it("refuses other binary files by magic number or NUL bytes", () => {
    expect(decodeUpload(utf8("%PDF-1.7\n..."))).toMatchObject({ code: "binary", message: "This looks like a PDF document, not a text file." });
    expect(decodeUpload(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toMatchObject({ code: "binary" });
    expect(decodeUpload(bytes(0x41, 0x00, 0x42))).toEqual({
      ok: false,
      code: "binary",
      message: "This looks like a binary file (it contains NUL bytes), not a text file.",
    });
  });

  it("names UTF-16 instead of calling it binary", () => {
    expect(decodeUpload(bytes(0xff, 0xfe, 0x41, 0x00))).toMatchObject({ ok: false, code: "unsupported_encoding" });
  });

  it("reports empty and whitespace-only files", () => {
    const empty = { ok: false, code: "empty", message: "The file is empty or contains only whitespace." };
    expect(decodeUpload(new Uint8Array())).toEqual(empty);
    expect(decodeUpload(utf8(" \r\n\t\n"))).toEqual(empty);
    expect(decodeUpload(bytes(0xef, 0xbb, 0xbf, 0x20))).toEqual(empty);
    expect(decodeUpload(bytes(0x20, 0xa0), "windows-1251")).toEqual(empty);
  });

  it("rejects an encoding it does not support", () => {
    expect(decodeUpload(utf8("x"), "latin1" as UploadEncoding)).toEqual({
      ok: false,
      code: "unsupported_encoding",
      message: 'Unsupported encoding "latin1"; choose one of utf-8, windows-1251, koi8-r.',
    });
  });
});

describe("findInvalidUtf8", () => {
  it("accepts well-formed text of every sequence length", () => {
    expect(findInvalidUtf8(utf8("a é Д € 😀"))).toBe(-1);
    expect(findInvalidUtf8(new Uint8Array())).toBe(-1);
  });

  it("rejects overlongs, surrogates, out-of-range and truncated sequences", () => {
    expect(findInvalidUtf8(bytes(0x41, 0xc0, 0x80))).toBe(1); // overlong NUL
    expect(findInvalidUtf8(bytes(0xe0, 0x80, 0x80))).toBe(0); // overlong 3-byte
    expect(findInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // U+D800
    expect(findInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // above U+10FFFF
    expect(findInvalidUtf8(bytes(0x41, 0x42, 0xe2, 0x82))).toBe(2); // truncated €
    expect(findInvalidUtf8(bytes(0x80))).toBe(0); // lone continuation byte
  });
});

describe("sniffBinary", () => {
  it("names known formats and passes text", () => {
    expect(sniffBinary(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("a JPEG image");
    expect(sniffBinary(utf8("GIF89a"))).toBe("a GIF image");
    expect(sniffBinary(utf8("plain text"))).toBeNull();
    expect(sniffBinary(new Uint8Array())).toBeNull();
  });
});
