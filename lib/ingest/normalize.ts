// A fingerprint of an article's text for duplicate detection: two uploads that differ only
// in Unicode normalization, letter case or whitespace get the same hash.

import { createHash } from "node:crypto";

/** The text as compared for duplicates: NFC, case-folded, whitespace runs collapsed, trimmed. */
export function normalizeForComparison(text: string): string {
  // toUpperCase().toLowerCase() approximates full case folding (ß → ss), which toLowerCase
  // alone does not do; final sigma is folded by hand because toLowerCase restores it at word
  // ends; NFC again because case mapping can denormalize.
  return text
    .normalize("NFC")
    .toUpperCase()
    .toLowerCase()
    .replace(/ς/gu, "σ")
    .normalize("NFC")
    .replace(/\s+/gu, " ")
    .trim();
}

/** Hex SHA-256 of `normalizeForComparison(text)`. */
export function normalizedTextHash(text: string): string {
  return createHash("sha256").update(normalizeForComparison(text), "utf8").digest("hex");
}
