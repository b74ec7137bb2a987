// Which spans touch which sentence, built once per change so each rendered row finds its spans
// without scanning every annotation (a 20,000-sentence document may carry thousands of spans).

export type Ranged = { start: number; end: number };

/** First sentence (by position in `sentences`, sorted by start) whose end is after `offset`. */
export function firstSentenceEndingAfter(sentences: readonly Ranged[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sentences[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sentence position → the spans overlapping it (in the order given). */
export function spansBySentence<T extends Ranged>(sentences: readonly Ranged[], spans: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const span of spans) {
    for (let i = firstSentenceEndingAfter(sentences, span.start); i < sentences.length && sentences[i]!.start < span.end; i++) {
      const list = map.get(i);
      if (list) list.push(span);
      else map.set(i, [span]);
    }
  }
  return map;
}

/** Position of the sentence containing `offset` (or the next one after a gap). */
export function sentenceAt(sentences: readonly Ranged[], offset: number): number {
  return Math.min(firstSentenceEndingAfter(sentences, offset), Math.max(0, sentences.length - 1));
}

export type AnnotationFilter = { type: string; speakerId: string; target: string };

type Filterable = { type: string; speaker: { id: string } | null; attributes: Record<string, unknown> };

/** The annotation list's filter: empty fields match everything. */
export function matchesFilter(a: Filterable, filter: AnnotationFilter): boolean {
  if (filter.type && a.type !== filter.type) return false;
  if (filter.speakerId && a.speaker?.id !== filter.speakerId) return false;
  if (filter.target) {
    const stance = a.attributes.stance;
    if (!Array.isArray(stance) || !stance.some((s: unknown) => typeof s === "object" && s !== null && (s as { target?: unknown }).target === filter.target)) return false;
  }
  return true;
}
