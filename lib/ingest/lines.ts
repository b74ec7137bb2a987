// Physical lines and the blocks they form. In scraped articles a line break nearly always
// ends a unit (heading, byline, caption, nav item, paragraph), so sentences never cross one,
// except where a scrape broke a sentence in the middle (see `continuesPreviousLine`).
// All ranges here are UTF-16 indices, end-exclusive, trimmed of whitespace.

export type TextRange = { start: number; end: number };

/** A run of one or more physical lines that segmentation treats as one paragraph. */
export type TextBlock = TextRange & { lines: TextRange[] };

// JS `\s` is the whitespace definition used throughout segmentation (it covers NBSP, BOM,
// the Unicode space separators and all line terminators).
const WHITESPACE = /\s/;

export function isWhitespace(char: string): boolean {
  return WHITESPACE.test(char);
}

// Line terminators: LF, CR (alone or in CRLF), NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
function isLineBreak(unit: number): boolean {
  return unit === 0x0a || unit === 0x0d || unit === 0x85 || unit === 0x2028 || unit === 0x2029;
}

/** Non-empty lines of `text`, each trimmed; whitespace-only lines are dropped. */
export function splitLines(text: string): TextRange[] {
  const lines: TextRange[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isLineBreak(text.charCodeAt(i))) continue;
    let start = lineStart;
    let end = i;
    while (start < end && isWhitespace(text.charAt(start))) start++;
    while (end > start && isWhitespace(text.charAt(end - 1))) end--;
    if (end > start) lines.push({ start, end });
    lineStart = i + 1;
  }
  return lines;
}

// Closing quotes and brackets that may follow a sentence's final punctuation. Both ends of a
// line are scanned character by character: a regex like /[…]+$/ retries at every position of
// a long run of quotes or brackets and takes quadratic time.
const TRAILING_CLOSERS = new Set(["\"", "'", "»", "”", "’", ")", "]", "}"]);
const SENTENCE_ENDS = new Set([".", "!", "?", "…"]);
// Opening quotes/brackets/dashes that may precede the first word of a line.
const LEADING_OPENERS = new Set(["\"", "'", "«", "“", "„", "‘", "(", "[", "{", "—", "–", "-"]);
const LOWERCASE = /\p{Ll}/u;

export function endsWithTerminalPunctuation(line: string): boolean {
  let end = line.length;
  while (end > 0 && TRAILING_CLOSERS.has(line.charAt(end - 1))) end--;
  return end > 0 && SENTENCE_ENDS.has(line.charAt(end - 1));
}

export function startsWithLowercase(line: string): boolean {
  let start = 0;
  while (start < line.length && LEADING_OPENERS.has(line.charAt(start))) start++;
  if (start > 0) while (start < line.length && isWhitespace(line.charAt(start))) start++;
  // A lower-case letter outside the BMP (e.g. mathematical or Deseret) is a surrogate pair.
  return LOWERCASE.test(String.fromCodePoint(line.codePointAt(start) ?? 0x20));
}

/**
 * A line continues the previous one when the scrape broke a sentence: the previous line has
 * no end punctuation and this one starts in lower case (e.g. "…to Belarusian partners" /
 * "to finance promising…"). Blank lines in between do not matter. A single lower-case word
 * ("foto" under a heading) is a label, not the rest of a sentence.
 */
export function continuesPreviousLine(previousLine: string, line: string): boolean {
  return !endsWithTerminalPunctuation(previousLine) && startsWithLowercase(line) && /\s/u.test(line);
}

/** Lines of `text` grouped into blocks by `continuesPreviousLine`. */
export function splitBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let previous: TextRange | undefined;
  for (const line of splitLines(text)) {
    const current = blocks[blocks.length - 1];
    if (
      current !== undefined &&
      previous !== undefined &&
      continuesPreviousLine(text.slice(previous.start, previous.end), text.slice(line.start, line.end))
    ) {
      current.end = line.end;
      current.lines.push(line);
    } else {
      blocks.push({ start: line.start, end: line.end, lines: [line] });
    }
    previous = line;
  }
  return blocks;
}
