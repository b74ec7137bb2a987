import { ExportError } from "./types";

const STEM_SAFE = /^[A-Za-z0-9_.-]$/u;

/**
 * Injective file stem for a document id used inside the export (brat/{stem}.txt, …).
 * Safe characters pass through; anything else (including "~" itself and a leading dot) becomes
 * "~" plus the UTF-8 bytes in hex, so two different ids can never map to the same file and
 * no id can escape its folder.
 */
export function fileStem(id: string): string {
  if (typeof id !== "string" || id === "") throw new ExportError("file stem: id must be a non-empty string");
  let out = "";
  for (const ch of id) {
    const safe = STEM_SAFE.test(ch) && !(out === "" && ch === ".");
    out += safe ? ch : "~" + Buffer.from(ch, "utf8").toString("hex").toUpperCase();
  }
  if (out.length > 200) throw new ExportError(`file stem: id ${JSON.stringify(id.slice(0, 40))}… is too long for a file name`);
  return out;
}

// Windows device names are unusable as file names whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/iu;
// C0/C1 controls, DEL, path separators and characters Windows or HTTP headers choke on.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]/gu;
// Invisible format characters (bidi overrides, zero-width) can disguise an extension.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/**
 * Turns a human name (project, document title) into a single safe path segment, keeping
 * Unicode letters. Never returns "", ".", ".." or a name with a separator.
 */
export function sanitizeFileName(name: string, fallback = "export"): string {
  if (typeof name !== "string") throw new ExportError("file name must be a string");
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/u.test(fallback)) throw new ExportError(`file name fallback ${JSON.stringify(fallback)} is not safe`);
  let out = name.normalize("NFC").replace(INVISIBLE, "").replace(UNSAFE, "_").replace(/\s+/gu, " ").trim();
  // Leading dots would make hidden files or "..", trailing dots/spaces are dropped by Windows.
  out = out.replace(/^[.\s]+/u, "").replace(/[.\s]+$/u, "");
  if (RESERVED.test(out)) out = "_" + out;
  const cps = Array.from(out);
  if (cps.length > 120) out = cps.slice(0, 120).join("").replace(/[.\s]+$/u, "");
  return out === "" || /^_+$/u.test(out) ? fallback : out;
}

/** ASCII-only variant for the legacy `filename=` parameter; the fallback if no letter or digit survives. */
export function asciiFileName(name: string, fallback = "export"): string {
  const safe = sanitizeFileName(name, fallback);
  const ascii = safe
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/gu, "")
    .replace(/[^\x20-\x7e]/gu, "_")
    .replace(/[%;\\"]/gu, "_");
  return /[A-Za-z0-9]/u.test(ascii) ? sanitizeFileName(ascii, fallback) : fallback;
}

// RFC 5987 attr-char leaves only these unencoded; encodeURIComponent also leaves ' ( ) * alone.
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/gu, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * `Content-Disposition` header value with an ASCII fallback and the exact UTF-8 name
 * (RFC 6266 / RFC 5987). Both parameters come from the sanitised name, so neither can carry
 * quotes, CR/LF or a path.
 */
export function contentDisposition(name: string, extension: string, disposition: "attachment" | "inline" = "attachment"): string {
  if (!/^[a-z0-9]+(\.[a-z0-9]+)*$/u.test(extension)) throw new ExportError(`extension ${JSON.stringify(extension)} is not safe`);
  const full = `${sanitizeFileName(name)}.${extension}`;
  const ascii = `${asciiFileName(name)}.${extension}`;
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(full)}`;
}
