// A fingerprint of an article's text for duplicate detection: two uploads that differ only
// in Unicode normalization, letter case or whitespace get the same hash.

import { createHash } from "node:crypto";
import { chunksAtWhitespace } from "@/lib/text/whitespace";

/** One chunk folded for comparison; whitespace runs become one space (not trimmed). */
function foldChunk(chunk: string): string {
  // toUpperCase().toLowerCase() approximates full case folding (ß → ss), which toLowerCase
  // alone does not do; final sigma is folded by hand because toLowerCase restores it at word
  // ends; NFC again because case mapping can denormalize.
  return chunk
    .normalize("NFC")
    .toUpperCase()
    .toLowerCase()
    .replace(/ς/gu, "σ")
    .normalize("NFC")
    .replace(/\s+/gu, " ");
}

/**
 * The folded text in pieces whose concatenation is `normalizeForComparison(text)`. Chunks are
 * cut where a whitespace run starts: no composition, case mapping or run crosses such a point
 * (a space is a starter nothing composes onto, and final sigma is folded anyway).
 */
export function* comparisonChunks(text: string, chunkChars?: number): Generator<string> {
  // Folded chunk by chunk: V8's global replace slows down per match on multi-megabyte strings.
  for (const chunk of chunksAtWhitespace(text.trim(), chunkChars)) yield foldChunk(chunk);
}

/** The text as compared for duplicates: NFC, case-folded, whitespace runs collapsed, trimmed. */
export function normalizeForComparison(text: string): string {
  return Array.from(comparisonChunks(text)).join("");
}

/** Hex SHA-256 of `normalizeForComparison(text)`, hashed chunk by chunk. */
export function normalizedTextHash(text: string): string {
  const hash = createHash("sha256");
  for (const chunk of comparisonChunks(text)) hash.update(chunk, "utf8");
  return hash.digest("hex");
}
