// Paragraph and sentence segmentation used when the caller supplies no sentences. Spans here are
// UTF-16 offsets (internal); suggest.ts converts at the API boundary.

export interface Unit {
  start: number;
  end: number;
  kind: "content" | "boilerplate";
}

export interface LineSpan {
  start: number;
  end: number;
}

/** Non-empty lines, trimmed of surrounding whitespace. */
export function lineSpans(text: string): LineSpan[] {
  if (typeof text !== "string") throw new TypeError("text must be a string");
  const out: LineSpan[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length === 0) continue;
    out.push({ start: m.index + lead, end: m.index + lead + trimmed.length });
  }
  return out;
}

// Abbreviations whose period does not end a sentence ("U.S. Ambassador", "Mr. Smith").
const ABBREVIATIONS = new Set(["u.s", "u.k", "mr", "mrs", "ms", "dr", "st", "e.g", "i.e", "no", "jr", "vs", "etc", "approx", "gen", "col", "prof"]);
// The lookbehind starts a match only at the first mark of a run ("!!!!", dot leaders): trying every
// mark of a long run, each time re-reading the rest of it, would be quadratic in the run's length.
const BOUNDARY = /(?<![.!?…])[.!?…]+["”»]?(?=\s+["“«„(]?[\p{Lu}\d])/gu;

function isBoilerplateLine(line: string): boolean {
  if (/^[•·▪]/.test(line)) return true;
  if (/^[\d\s.:,/•-]+$/u.test(line)) return true;
  const fourWords = /^\S+(?:\s+\S+){3}/u.test(line);
  return !fourWords && !/[.!?"”»]$/.test(line);
}

/** Sentences: one split per line, then at sentence punctuation followed by a capital. */
export function splitSentences(text: string): Unit[] {
  const out: Unit[] = [];
  for (const line of lineSpans(text)) {
    const body = text.slice(line.start, line.end);
    const kind = isBoilerplateLine(body) ? "boilerplate" : "content";
    let from = 0;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(body); m; m = BOUNDARY.exec(body)) {
      const cut = m.index + m[0].length;
      // Look back a bounded window only: slicing from the sentence start would make long lines quadratic.
      const before = /([\p{L}.]+)$/u.exec(body.slice(Math.max(from, m.index - 12), m.index))?.[1]?.toLowerCase() ?? "";
      if (m[0].startsWith(".") && (ABBREVIATIONS.has(before) || /^\p{L}$/u.test(before))) continue;
      out.push({ start: line.start + from, end: line.start + cut, kind });
      from = cut;
      while (from < body.length && /\s/u.test(body[from] ?? "")) from++;
    }
    if (from < body.length) out.push({ start: line.start + from, end: line.end, kind });
  }
  return out;
}

/** Index of the unit containing offset (binary search over sorted, disjoint units), or -1. */
export function unitAt(units: readonly LineSpan[], offset: number): number {
  let lo = 0;
  let hi = units.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const u = units[mid];
    if (!u) break;
    if (offset < u.start) hi = mid - 1;
    else if (offset >= u.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Index of the last unit starting at or before offset, or -1. */
export function unitBefore(units: readonly LineSpan[], offset: number): number {
  let lo = 0;
  let hi = units.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const u = units[mid];
    if (!u) break;
    if (u.start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
