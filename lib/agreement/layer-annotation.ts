/**
 * The annotation shape agreement and review code works on: one annotator's annotation, already
 * loaded from the database by the caller (the DB's `authorId` becomes `annotatorId`, and a
 * `speakerId` column becomes `attributes.speaker = { id }`).
 *
 * - Span annotations have integer `start`/`end` (Unicode code points, end-exclusive).
 * - Sentence-level annotations have no offsets and an integer `sentenceIndex`.
 * - `attributes` is free-form JSON. Known keys: `stance: Array<{ target: string; value: number }>`
 *   (−2 strongly against … +2 strongly for), `checkworthy: "yes" | "no"`,
 *   `form: "direct" | "indirect" | "mixed"`, `speaker: { id: string }`.
 */
export type LayerAnnotation = {
  id: string;
  documentId: string;
  annotatorId: string;
  type: string;
  start?: number | null;
  end?: number | null;
  /** Inner ranges of a discontinuous span: spans match exactly only when their fragments do. */
  gaps?: readonly { start: number; end: number }[] | null;
  sentenceIndex?: number | null;
  attributes: Record<string, unknown>;
};

export type SpanAnnotation = LayerAnnotation & { start: number; end: number };

export function isSpanAnnotation(annotation: LayerAnnotation): annotation is SpanAnnotation {
  return typeof annotation.start === "number" && typeof annotation.end === "number";
}

export function isSentenceAnnotation(annotation: LayerAnnotation): annotation is LayerAnnotation & { sentenceIndex: number } {
  return !isSpanAnnotation(annotation) && typeof annotation.sentenceIndex === "number";
}

/** Throws a clear error for offsets no editor can produce, instead of matching nonsense. */
export function assertValidOffsets(start: number, end: number, label: string): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new RangeError(`${label} has invalid offsets [${start}, ${end}): need integers with 0 ≤ start ≤ end`);
  }
}

/**
 * Flattens attributes into comparable scalar values, one per key:
 * `stance:<target>` → number, `stanceHolder:<target>` → whose stance (source/author/republisher;
 * callers fill the type's default first, see attributesWithHolders), `speaker` → its id, other strings/numbers as they are,
 * booleans as "true"/"false". Malformed stance entries and other objects are ignored.
 */
export function flattenAttributes(attributes: Record<string, unknown>): Map<string, string | number> {
  const flat = new Map<string, string | number>();
  for (const key of Object.keys(attributes).sort()) {
    const value = attributes[key];
    if (key === "stance" && Array.isArray(value)) {
      for (const entry of value) {
        if (!isStanceEntry(entry)) continue;
        flat.set(`stance:${entry.target}`, entry.value);
        if (typeof entry.holder === "string") flat.set(`stanceHolder:${entry.target}`, entry.holder);
      }
    } else if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) {
      flat.set(key, value);
    } else if (typeof value === "boolean") {
      flat.set(key, String(value));
    } else if (isRecord(value) && typeof value.id === "string") {
      flat.set(key, value.id);
    }
  }
  return flat;
}

function isStanceEntry(entry: unknown): entry is { target: string; value: number; holder?: unknown } {
  return isRecord(entry) && typeof entry.target === "string" && typeof entry.value === "number" && Number.isFinite(entry.value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
