// JS strings index UTF-16 code units; the API speaks code points. The rules work on UTF-16
// indices and convert once at the boundary through this index (built in one pass, O(1) lookups).

export interface OffsetIndex {
  readonly utf16Length: number;
  readonly codePointLength: number;
  toCodePoint(utf16: number): number;
  toUtf16(codePoint: number): number;
}

export function buildOffsetIndex(text: string): OffsetIndex {
  if (typeof text !== "string") throw new TypeError("text must be a string");
  const n = text.length;
  const u16ToCp = new Int32Array(n + 1);
  const cpToU16 = new Int32Array(n + 1);
  let cp = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    u16ToCp[i] = cp;
    cpToU16[cp] = i;
    if (pair) u16ToCp[i + 1] = cp;
    i += pair ? 2 : 1;
    cp++;
  }
  u16ToCp[n] = cp;
  cpToU16[cp] = n;
  const cpLen = cp;
  return {
    utf16Length: n,
    codePointLength: cpLen,
    toCodePoint(u: number): number {
      if (!Number.isInteger(u) || u < 0 || u > n) throw new RangeError(`UTF-16 offset out of range: ${u}`);
      return u16ToCp[u] ?? 0;
    },
    toUtf16(p: number): number {
      if (!Number.isInteger(p) || p < 0 || p > cpLen) throw new RangeError(`code point offset out of range: ${p}`);
      return cpToU16[p] ?? 0;
    },
  };
}

/** Slice by code points (used by gold checks and tests). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  const idx = buildOffsetIndex(text);
  if (start > end) throw new RangeError(`start ${start} > end ${end}`);
  return text.slice(idx.toUtf16(start), idx.toUtf16(end));
}
