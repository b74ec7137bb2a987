import { CodePointIndex } from "@/lib/text/code-points";

// Sentences are stored with their own text (the search index derives from it). Slicing goes
// through one code-point index of the document, so a document of n characters costs O(n), not a
// walk from the start of the text per sentence.

/** The text of each range (code-point offsets, end-exclusive) of `text`. */
export function sentenceTexts(text: string, ranges: readonly { start: number; end: number }[]): string[] {
  const index = new CodePointIndex(text);
  return ranges.map((r) => text.slice(index.toUtf16(r.start), index.toUtf16(r.end)));
}

/** A value for COPY … FROM STDIN text format: backslash, tab, newline and carriage return escaped. */
export function copyText(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}
