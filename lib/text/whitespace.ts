// Whitespace folding that stays linear on multi-megabyte text. V8's global String#replace
// slows down per match on long strings (collapsing the spaces of a 2 MB text took half a
// second, 10× that of 200 KB), so long texts are processed in chunks.

const CHUNK_CHARS = 65_536;
const WHITESPACE_RUN = /\s+/gu;
// A non-whitespace unit followed by whitespace: a chunk ends between the two.
const RUN_START = /\S\s/g;

/**
 * Consecutive slices of `text` of about `chunkChars` UTF-16 units, each cut just before a
 * whitespace run (so no run, surrogate pair or combining sequence is split across chunks).
 */
export function* chunksAtWhitespace(text: string, chunkChars = CHUNK_CHARS): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = text.length;
    if (start + chunkChars < text.length) {
      RUN_START.lastIndex = start + chunkChars - 1;
      const runStart = RUN_START.exec(text);
      if (runStart !== null) end = runStart.index + 1;
    }
    yield text.slice(start, end);
    start = end;
  }
}

/** `text` with every whitespace run replaced by one space (`text.replace(/\s+/gu, " ")`). */
export function collapseWhitespace(text: string, chunkChars = CHUNK_CHARS): string {
  if (text.length <= chunkChars) return text.replace(WHITESPACE_RUN, " ");
  return Array.from(chunksAtWhitespace(text, chunkChars), (chunk) => chunk.replace(WHITESPACE_RUN, " ")).join("");
}

/** Number of UTF-16 units of `text` matched by `pattern` (a global regex of runs, e.g. /\p{L}+/gu). */
export function countMatchedUnits(text: string, pattern: RegExp): number {
  let count = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) count += match[0].length;
  return count;
}
