// Uploaded bytes to text. The decoded text is stored exactly as decoded (CRLF and all),
// because every annotation offset points into it; only a UTF-8 byte-order mark is dropped.

import iconv from "iconv-lite";

export type UploadEncoding = "utf-8" | "windows-1251" | "koi8-r";

export const UPLOAD_ENCODINGS: readonly UploadEncoding[] = ["utf-8", "windows-1251", "koi8-r"];

export type DecodeErrorCode = "empty" | "binary" | "invalid_utf8" | "unsupported_encoding";

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; code: DecodeErrorCode; message: string; byteOffset?: number };

type Signature = { bytes: ReadonlyArray<number | null>; offset?: number; what: string };

// Magic numbers of files people upload by mistake; null matches any byte.
const SIGNATURES: readonly Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], what: "a WebP image" },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: "a PDF document" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive (or a Word/Excel/ODF document)" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: "an old Microsoft Office document" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "an RTF document" },
];

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const LEGACY_HINT = "if the file is in a legacy Cyrillic encoding, choose windows-1251 or koi8-r";

function startsWith(bytes: Uint8Array, signature: ReadonlyArray<number | null>, offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => b === null || bytes[offset + i] === b);
}

/** What kind of binary file `bytes` looks like, or null if it may be text. */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes, signature.offset)) return signature.what;
  }
  // UTF-16 text is full of NULs; name it rather than calling it binary.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return "UTF-16 text";
  return bytes.includes(0) ? "a binary file (it contains NUL bytes)" : null;
}

/**
 * Byte offset of the first byte that is not part of well-formed UTF-8, or -1. Rejects
 * overlong forms, surrogates (U+D800–DFFF) and code points above U+10FFFF, like a strict
 * TextDecoder; the offset is that of the sequence's first byte.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min = 0x80;
    let max = 0xbf; // allowed range of the second byte
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) min = 0xa0; // overlong
      if (lead === 0xed) max = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) min = 0x90; // overlong
      if (lead === 0xf4) max = 0x8f; // above U+10FFFF
    } else return i;
    if (i + length > bytes.length) return i;
    const second = bytes[i + 1] ?? 0;
    if (second < min || second > max) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k] ?? 0;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

function isBlank(text: string): boolean {
  return text.trim() === "";
}

const EMPTY: DecodeResult = { ok: false, code: "empty", message: "The file is empty or contains only whitespace." };

/** Decodes an upload, refusing binary files and malformed UTF-8 with a message for the user. */
export function decodeUpload(bytes: Uint8Array, encoding: UploadEncoding = "utf-8"): DecodeResult {
  if (!UPLOAD_ENCODINGS.includes(encoding)) {
    return {
      ok: false,
      code: "unsupported_encoding",
      message: `Unsupported encoding "${String(encoding)}"; choose one of ${UPLOAD_ENCODINGS.join(", ")}.`,
    };
  }
  if (bytes.length === 0) return EMPTY;
  const binary = sniffBinary(bytes);
  if (binary === "UTF-16 text") {
    return {
      ok: false,
      code: "unsupported_encoding",
      message: "This looks like UTF-16 text; save it as UTF-8 and upload it again.",
    };
  }
  if (binary !== null) return { ok: false, code: "binary", message: `This looks like ${binary}, not a text file.` };

  let text: string;
  if (encoding === "utf-8") {
    const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
    const invalidAt = findInvalidUtf8(body);
    if (invalidAt >= 0) {
      const byteOffset = invalidAt + (body === bytes ? 0 : UTF8_BOM.length);
      return {
        ok: false,
        code: "invalid_utf8",
        message: `Invalid UTF-8 at byte ${byteOffset}; ${LEGACY_HINT}.`,
        byteOffset,
      };
    }
    // ignoreBOM keeps a second, in-text U+FEFF: only the leading mark was removed above.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } else {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
  }
  return isBlank(text) ? EMPTY : { ok: true, text };
}
