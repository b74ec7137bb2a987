// Sentence splitting: Intl.Segmenter inside each block (in windows, see sentence-windows.ts),
// then the corrections of sentence-rules.ts, then no boundary inside a matched (…) or […].
// Ranges are UTF-16.

import { isWhitespace, splitBlocks, type TextBlock, type TextRange } from "./lines";
import { joinReason } from "./sentence-rules";
import { segmenterLocale } from "./language";
import { DEFAULT_WINDOWS, sentencePieces, type WindowSizes } from "./sentence-windows";

export type SentencedBlock = TextBlock & { sentences: TextRange[] };

// A bracket pair longer than this is more likely a stray "(" than one parenthetical, and
// must not glue a whole paragraph into one sentence. InoSMI notes run to ~300 characters.
const MAX_BRACKET_SPAN = 1000;
// "(" → ")" and "[" → "]", as UTF-16 code units.
const CLOSER_OF: ReadonlyMap<number, number> = new Map([
  [0x28, 0x29],
  [0x5b, 0x5d],
]);
const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]/g;
// The join rules look only at the end of the previous sentence; passing just its tail keeps
// long chains of joins linear.
const TAIL = 64;

const segmenterCache = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(language: string | undefined): Intl.Segmenter {
  const locale = segmenterLocale(language);
  const key = locale ?? "";
  let segmenter = segmenterCache.get(key);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(locale, { granularity: "sentence" });
    segmenterCache.set(key, segmenter);
  }
  return segmenter;
}

const BRACKET = /[()[\]]/g;

/**
 * For each position, whether it lies strictly inside a matched bracket pair (after the
 * opener, up to and including the closer), as a prefix count over a difference array; null
 * when the text has no matched pair (most blocks), so no array is built or summed for them.
 */
function insideBrackets(text: string): Int32Array | null {
  let depth: Int32Array | null = null;
  const stack: Array<{ at: number; closer: number }> = [];
  BRACKET.lastIndex = 0;
  for (let match = BRACKET.exec(text); match !== null; match = BRACKET.exec(text)) {
    const i = match.index;
    const unit = text.charCodeAt(i);
    const closer = CLOSER_OF.get(unit);
    if (closer !== undefined) {
      stack.push({ at: i, closer });
      continue;
    }
    const top = stack[stack.length - 1];
    if (top !== undefined && unit === top.closer) {
      stack.pop();
      if (i - top.at <= MAX_BRACKET_SPAN) {
        depth ??= new Int32Array(text.length + 1);
        depth[top.at + 1] = (depth[top.at + 1] ?? 0) + 1;
        depth[i + 1] = (depth[i + 1] ?? 0) - 1;
      }
    }
  }
  if (depth !== null) for (let i = 1; i < depth.length; i++) depth[i] = (depth[i] ?? 0) + (depth[i - 1] ?? 0);
  return depth;
}

// A global replace slows down per match on long strings (a block of thousands of broken lines),
// so long blocks are replaced slice by slice; a line break is one unit, so any cut is safe.
const REPLACE_SLICE = 65_536;

function withoutLineBreaks(text: string): string {
  if (text.length <= REPLACE_SLICE) return text.replace(LINE_BREAKS, " ");
  const slices: string[] = [];
  for (let i = 0; i < text.length; i += REPLACE_SLICE) slices.push(text.slice(i, i + REPLACE_SLICE).replace(LINE_BREAKS, " "));
  return slices.join("");
}

function trimRange(text: string, start: number, end: number): TextRange | undefined {
  while (start < end && isWhitespace(text.charAt(start))) start++;
  while (end > start && isWhitespace(text.charAt(end - 1))) end--;
  return end > start ? { start, end } : undefined;
}

/** Sentences of one block, as ranges relative to the block text. */
function blockSentences(blockText: string, segmenter: Intl.Segmenter, windows: WindowSizes): TextRange[] {
  // ICU hard-breaks at line terminators; inside a block they are only scrape damage, so
  // they are replaced by spaces (same UTF-16 length, so offsets are unchanged).
  const flat = withoutLineBreaks(blockText);
  const brackets = insideBrackets(flat);
  const sentences: TextRange[] = [];
  for (const piece of sentencePieces(flat, segmenter, windows)) {
    const range = trimRange(flat, piece.start, piece.end);
    if (range === undefined) continue;
    const current = sentences[sentences.length - 1];
    const joined =
      current !== undefined &&
      ((brackets?.[range.start] ?? 0) > 0 ||
        joinReason(flat.slice(Math.max(current.start, current.end - TAIL), current.end), flat.slice(range.start, range.end)) !== null);
    if (current !== undefined && joined) current.end = range.end;
    else sentences.push(range);
  }
  return sentences;
}

/**
 * Blocks of `text` with their sentences; all ranges UTF-16, absolute, trimmed. `windows`
 * only changes speed (tests compare window sizes), never the result on ordinary text.
 */
export function splitSentences(text: string, language?: string, windows: WindowSizes = DEFAULT_WINDOWS): SentencedBlock[] {
  const segmenter = sentenceSegmenter(language);
  return splitBlocks(text).map((block) => ({
    ...block,
    sentences: blockSentences(text.slice(block.start, block.end), segmenter, windows).map((s) => ({
      start: block.start + s.start,
      end: block.start + s.end,
    })),
  }));
}
