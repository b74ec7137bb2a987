// Intl.Segmenter in windows. V8's sentence segmenter gets slower per boundary the longer the
// string it walks (a 300 KB paragraph takes seconds, 2 MB most of a minute), so a long block
// is segmented 2 KB at a time. Each window's last sentence is cut short by the window
// edge, so it is dropped and segmented again as the start of the next window; the boundaries
// kept are exactly those ICU finds on the whole text (see `restartPiece`).

import type { TextRange } from "./lines";

export type WindowSizes = {
  /** Usual window length in UTF-16 units. */
  window: number;
  /** A window without a usable boundary doubles up to this length, then is cut regardless. */
  maxWindow: number;
};

// 2 KB holds several ordinary sentences, so re-segmenting the last one costs little (and
// V8 spends more per boundary in longer strings: 2 KB measured fastest, 4 KB 1.5× slower); a
// "sentence" longer than 64 KB is scrape damage, and cutting it at a space is harmless.
export const DEFAULT_WINDOWS: WindowSizes = { window: 2_048, maxWindow: 65_536 };

// Whole text in one pass, as Intl.Segmenter does it: the reference the windows must match.
export const NO_WINDOWS: WindowSizes = { window: Infinity, maxWindow: Infinity };

// Characters that end ICU's look-ahead after a boundary candidate (UAX #29 rule SB8 scans
// forward over anything but letters, sentence terminators and separators). A boundary
// followed, inside the window, by one of these is decided the same way as in the whole text.
const STOPS_LOOKAHEAD = /[\p{L}.!?]/u;
const WHITESPACE = /\s/;

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** Where a window starting at `start` ends: at a space in its second half if there is one. */
function windowEnd(text: string, start: number, size: number): number {
  const limit = start + size;
  for (let i = limit; i > start + size / 2; i--) {
    if (WHITESPACE.test(text.charAt(i))) return i;
  }
  return isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
}

/**
 * Index of the piece to segment again with the next window, or -1 when the window has no
 * safe boundary. Every piece but the last ends with a sentence terminator, so the boundary
 * before the last piece is safe when that piece holds a letter or terminator, and the one
 * before the second-to-last is always safe. The first piece starts the window and cannot be
 * a restart point (no progress).
 */
function restartPiece(text: string, pieces: readonly TextRange[]): number {
  const last = pieces.length - 1;
  const lastPiece = pieces[last];
  if (last > 0 && lastPiece !== undefined && STOPS_LOOKAHEAD.test(text.slice(lastPiece.start, lastPiece.end))) {
    return last;
  }
  return last - 1 > 0 ? last - 1 : -1;
}

// V8's cost per boundary grows with the length of the string segmented, so a window is read
// only for about this many units × boundaries: all of a 2 KB window, the first pieces of a
// window that had to grow.
const PIECE_BUDGET = 1 << 20;

type WindowPieces = { pieces: TextRange[]; complete: boolean };

/** The first pieces of text[start, end), at most `limit`; `complete` when none are left out. */
function piecesOf(text: string, start: number, end: number, segmenter: Intl.Segmenter, limit: number): WindowPieces {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  const pieces: TextRange[] = [];
  for (const piece of segmenter.segment(slice)) {
    if (pieces.length === limit) return { pieces, complete: false };
    pieces.push({ start: start + piece.index, end: start + piece.index + piece.segment.length });
  }
  return { pieces, complete: true };
}

/** Intl.Segmenter's sentence pieces of `text` (untrimmed, contiguous), found window by window. */
export function* sentencePieces(
  text: string,
  segmenter: Intl.Segmenter,
  sizes: WindowSizes = DEFAULT_WINDOWS,
): Generator<TextRange> {
  let start = 0;
  let size = sizes.window;
  while (start < text.length) {
    const atTextEnd = text.length - start <= size;
    const end = atTextEnd ? text.length : windowEnd(text, start, size);
    // Without windows (the reference for tests) every piece is read in one pass.
    const limit = Number.isFinite(size) ? Math.max(4, Math.floor(PIECE_BUDGET / size)) : Infinity;
    const { pieces, complete } = piecesOf(text, start, end, segmenter, limit);
    if (complete && atTextEnd) {
      yield* pieces;
      return;
    }
    // Pieces left unread mean the last one read is whole and followed by more: a safe restart.
    const restart = complete ? restartPiece(text, pieces) : pieces.length - 1;
    const restartAt = pieces[restart];
    if (restartAt !== undefined && restart > 0) {
      yield* pieces.slice(0, restart);
      start = restartAt.start;
      size = sizes.window;
    } else if (size < sizes.maxWindow) {
      size = Math.min(size * 2, sizes.maxWindow);
    } else {
      // No boundary in maxWindow characters: cut at the window edge. The join rules usually
      // glue the halves back (the next piece starts in lower case).
      yield* pieces;
      start = end;
      size = sizes.window;
    }
  }
}
