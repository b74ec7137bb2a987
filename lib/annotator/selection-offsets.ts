// Maps a DOM selection to code-point offsets. Every rendered text piece carries the code-point
// offset where it starts (data-cp); a DOM point inside it is (piece text, UTF-16 offset in it).
import { codePointLength } from "@/lib/text/code-points";

export type DomPoint = { pieceStart: number; pieceText: string; utf16Offset: number };

/** Code-point offset of a point inside a piece; a point inside a surrogate pair rounds forward. */
export function codePointOfDomPoint(point: DomPoint): number {
  const offset = Math.max(0, Math.min(point.utf16Offset, point.pieceText.length));
  return point.pieceStart + codePointLength(point.pieceText.slice(0, offset));
}

/** The [start, end) range between two offsets in either order; null when empty. */
export function orderedRange(a: number, b: number): { start: number; end: number } | null {
  if (a === b) return null;
  return a < b ? { start: a, end: b } : { start: b, end: a };
}

/**
 * Trims white space off both ends of a range (double-click selections usually include a trailing
 * space). `codePoints` is the text (or the part of it covering the range) as an array of code
 * points, starting at code point `base`.
 */
export function trimRange(codePoints: readonly string[], base: number, range: { start: number; end: number }): { start: number; end: number } | null {
  let { start, end } = range;
  while (start < end && /\s/u.test(codePoints[start - base] ?? "")) start++;
  while (end > start && /\s/u.test(codePoints[end - 1 - base] ?? "")) end--;
  return start < end ? { start, end } : null;
}
