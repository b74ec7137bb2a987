import crypto from "node:crypto";

/** SHA-256 of the text folded for duplicate detection: NFC, case-folded, whitespace collapsed. */
export function normalizedTextHash(text: string): string {
  const folded = text.normalize("NFC").toLowerCase().replace(/\s+/gu, " ").trim();
  return crypto.createHash("sha256").update(folded, "utf8").digest("hex");
}
