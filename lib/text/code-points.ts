// Offsets in Stancebench are Unicode code points (end-exclusive) into the original text,
// while JS strings index UTF-16 code units. These helpers convert between the two.
// A lone surrogate counts as one code point, exactly as `for...of` iterates it.

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when a surrogate pair starts at UTF-16 index `i`. */
function pairStartsAt(text: string, i: number): boolean {
  return isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1));
}

function assertOffset(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
}

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (pairStartsAt(text, i)) i++;
    count++;
  }
  return count;
}

/** The substring between code-point offsets `start` (inclusive) and `end` (exclusive). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  assertOffset(start, "start");
  assertOffset(end, "end");
  if (end < start) throw new RangeError(`end (${end}) is before start (${start})`);
  let cp = 0;
  let startUnit = -1;
  for (let i = 0; i <= text.length; i++) {
    if (cp === start) startUnit = i;
    if (cp === end) return text.slice(startUnit, i);
    if (i === text.length) break;
    if (pairStartsAt(text, i)) i++;
    cp++;
  }
  throw new RangeError(`end (${end}) is past the text's ${cp} code points`);
}

/**
 * Converts UTF-16 indices to code-point indices and back for one text.
 * Built in O(n); it stores only the positions of surrogate pairs, so memory is tiny for
 * ordinary text, and each conversion is a binary search over those pairs (O(log p)).
 */
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

export class CodePointIndex {
  /** Length of the text in UTF-16 code units. */
  readonly utf16Length: number;
  /** Length of the text in code points. */
  readonly length: number;
  // UTF-16 index of the high surrogate of each pair, ascending.
  private readonly pairUnits: Int32Array;

  constructor(text: string) {
    // A native regex scan, not a loop over every unit: the annotator builds this for the whole
    // document on mount, and a loop that runs once stays in the interpreter (~10 ms per 250k units).
    // Without the `u` flag it matches code units, as pairStartsAt does, and resumes after each pair.
    const pairs: number[] = [];
    for (const match of text.matchAll(SURROGATE_PAIR)) pairs.push(match.index);
    this.pairUnits = Int32Array.from(pairs);
    this.utf16Length = text.length;
    this.length = text.length - pairs.length;
  }

  /**
   * Code-point index of UTF-16 index `utf16` (0..utf16Length). Throws for an index that
   * falls between the two halves of a surrogate pair, since no code point starts there.
   */
  toCodePoint(utf16: number): number {
    assertOffset(utf16, "utf16");
    if (utf16 > this.utf16Length) {
      throw new RangeError(`utf16 (${utf16}) is past the text's ${this.utf16Length} code units`);
    }
    // Number of pairs whose high surrogate lies strictly before `utf16`.
    const before = this.countPairsWhere((k) => (this.pairUnits[k] ?? 0) < utf16);
    const last = before > 0 ? this.pairUnits[before - 1] : undefined;
    if (last !== undefined && last + 1 === utf16) {
      throw new RangeError(`utf16 (${utf16}) splits a surrogate pair`);
    }
    return utf16 - before;
  }

  /** UTF-16 index of code-point index `cp` (0..length). */
  toUtf16(cp: number): number {
    assertOffset(cp, "cp");
    if (cp > this.length) {
      throw new RangeError(`cp (${cp}) is past the text's ${this.length} code points`);
    }
    // Pair k sits at code point pairUnits[k] - k; count pairs starting before code point `cp`.
    const before = this.countPairsWhere((k) => (this.pairUnits[k] ?? 0) - k < cp);
    return cp + before;
  }

  // Binary search: how many leading pairs satisfy a predicate that is monotone (true…false).
  private countPairsWhere(isBefore: (k: number) => boolean): number {
    let lo = 0;
    let hi = this.pairUnits.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (isBefore(mid)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
