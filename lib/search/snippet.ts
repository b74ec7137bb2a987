// Pure helpers turning a matched sentence into a hit: code-point offsets and a snippet with
// bounded context. PostgreSQL counts characters (code points in a UTF-8 database), and so do
// these functions, so offsets agree with the stored sentence offsets and the exports.

export const CONTEXT_CODE_POINTS = 80;
const MAX_MATCH_CODE_POINTS = 400;

/** Markers ts_headline puts around matched words (private-use characters, not found in news text). */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export type Snippet = { before: string; match: string; after: string };

/**
 * The first highlighted run of a ts_headline(HighlightAll) result, as code-point offsets into the
 * unmarked text. Words of one phrase (highlighted separately, with only spaces or punctuation
 * between them) form one run. Null when nothing is marked or the text does not round-trip.
 */
export function firstHighlight(marked: string, original: string): { start: number; end: number } | null {
  const chars = [...marked];
  let plain = 0;
  let start = -1;
  let end = -1;
  let inside = false;
  let gapOnly = true;
  for (const ch of chars) {
    if (ch === MARK_START) {
      if (start < 0) start = plain;
      else if (!gapOnly) break;
      inside = true;
      continue;
    }
    if (ch === MARK_END) {
      inside = false;
      end = plain;
      gapOnly = true;
      continue;
    }
    if (start >= 0 && !inside && !/[\s\p{P}]/u.test(ch)) gapOnly = false;
    plain++;
  }
  if (start < 0 || end < 0) return null;
  const stripped = marked.replaceAll(MARK_START, "").replaceAll(MARK_END, "");
  return stripped === original ? { start, end } : null;
}

/** The match and up to CONTEXT_CODE_POINTS around it, cut at code points (never mid-emoji). */
export function snippetOf(text: string, start: number, end: number): Snippet {
  const chars = [...text];
  const from = Math.max(0, start - CONTEXT_CODE_POINTS);
  const matchEnd = Math.min(end, start + MAX_MATCH_CODE_POINTS);
  return {
    before: (from > 0 ? "…" : "") + chars.slice(from, start).join(""),
    match: chars.slice(start, matchEnd).join("") + (matchEnd < end ? "…" : ""),
    after: chars.slice(end, end + CONTEXT_CODE_POINTS).join("") + (end + CONTEXT_CODE_POINTS < chars.length ? "…" : ""),
  };
}
