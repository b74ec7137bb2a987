// Database rows of one document → the writers' ExportDocument (pure, unit-tested). Free-form
// annotation attributes are checked here so one malformed value cannot abort a whole export.
import type { LayerAnnotation } from "@/lib/agreement/layer-annotation";
import { gapsOf } from "@/lib/spans/span-gaps";
import { withSpeakerSet } from "@/lib/speakers/speaker-list";
import { attributesWithHolders, defaultStanceHolder, isStanceHolder } from "@/lib/stance/stance-holder";
import type { ExportDocument, ExportSentence, ExportSpan, Offsets, SentenceLabels, Split, Stance } from "@/lib/export/types";

export type DocumentRow = {
  id: string;
  title: string;
  text: string;
  language: string;
  source: string | null;
  original_source: string | null;
  author: string | null;
  url: string | null;
  published_at: Date | null;
  meta: unknown;
  tags: string[];
  signed_off_at: Date | null;
  signed_off_by_id: string | null;
};

export type SentenceRows = { index: number[]; start: number[]; end: number[]; kind: string[] };

/** "index,start,end,kind;…" (ordered by index) → column arrays. */
export function parseSentences(packed: string): SentenceRows {
  const out: SentenceRows = { index: [], start: [], end: [], kind: [] };
  for (const part of packed.split(";")) {
    const [index, start, end, kind] = part.split(",");
    out.index.push(Number(index));
    out.start.push(Number(start));
    out.end.push(Number(end));
    out.kind.push(kind ?? "CONTENT");
  }
  return out;
}

export type AnnotationRow = {
  id: string;
  document_id: string;
  layer: "GOLD" | "ANNOTATOR";
  author_id: string;
  type: string;
  start: number | null;
  end: number | null;
  /** The gaps column (null when contiguous); optional for rows built by hand. */
  gaps?: unknown;
  sentence_index: number | null;
  attributes: unknown;
  speaker_id: string | null;
  speaker_name: string | null;
  speaker_type: string | null;
  /** Further speakers (attributes.coSpeakers resolved), when any. */
  co_speakers?: { id: string; name: string; type: string }[] | null;
};

// These have their own fields in ExportSpan.
const SPECIAL = new Set(["stance", "cue", "speakerMention", "speaker", "coSpeakers"]);

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Valid stance entries only, first value per target; a missing holder gets the type's default. */
export function stanceOf(value: unknown, type: string | null): Stance[] {
  const fallback = defaultStanceHolder(type);
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const out: Stance[] = [];
  for (const entry of value) {
    const e = record(entry);
    if (typeof e.target !== "string" || e.target.trim() === "" || seen.has(e.target)) continue;
    if (typeof e.value !== "number" || !Number.isInteger(e.value) || e.value < -2 || e.value > 2) continue;
    seen.add(e.target);
    out.push({ target: e.target, value: e.value, holder: isStanceHolder(e.holder) ? e.holder : fallback });
  }
  return out;
}

function offsetsOf(value: unknown, length: number): Offsets | null {
  const o = record(value);
  const { start, end } = o;
  if (typeof start !== "number" || typeof end !== "number" || !Number.isInteger(start) || !Number.isInteger(end)) return null;
  return start >= 0 && end <= length && start < end ? { start, end } : null;
}

/** Span attributes without the keys that have their own fields in the export. */
function plainAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attributes)) if (!SPECIAL.has(k) && v !== undefined) out[k] = v;
  return out;
}

export function isSpanRow(a: AnnotationRow): a is AnnotationRow & { start: number; end: number } {
  return a.start !== null && a.end !== null;
}

export function toExportSpan(a: AnnotationRow & { start: number; end: number }, length: number): ExportSpan {
  const attributes = record(a.attributes);
  const gaps = gapsOf(a.gaps);
  return {
    id: a.id,
    type: a.type,
    start: a.start,
    end: a.end,
    ...(gaps ? { gaps } : {}),
    attributes: plainAttributes(attributes),
    stance: stanceOf(attributes.stance, a.type),
    // Entity types spelt as the API spells them (person, organisation, …), in every export.
    speaker: a.speaker_id && a.speaker_name ? { id: a.speaker_id, name: a.speaker_name, type: (a.speaker_type ?? "PERSON").toLowerCase() } : null,
    ...(a.speaker_id && a.co_speakers?.length ? { coSpeakers: a.co_speakers.map((c) => ({ id: c.id, name: c.name, type: c.type.toLowerCase() })) } : {}),
    cue: offsetsOf(attributes.cue, length),
    speakerMention: offsetsOf(attributes.speakerMention, length),
    layer: a.layer === "GOLD" ? "gold" : `annotator:${a.author_id}`,
  };
}

/** Merges the gold sentence-level annotations of one sentence into its labels. */
function sentenceLabels(rows: AnnotationRow[]): SentenceLabels | null {
  if (rows.length === 0) return null;
  const labels: SentenceLabels = {};
  const stance: Stance[] = [];
  for (const row of rows) {
    const attributes = record(row.attributes);
    const cw = attributes.checkworthy;
    if ((cw === "yes" || cw === "no") && labels.checkworthy === undefined) labels.checkworthy = cw;
    for (const s of stanceOf(attributes.stance, null)) if (!stance.some((x) => x.target === s.target)) stance.push(s);
    // Other choice labels (e.g. check-worthiness sub-questions) travel by name.
    for (const [k, v] of Object.entries(attributes))
      if (k !== "checkworthy" && typeof v === "string" && v !== "" && labels.choices?.[k] === undefined) (labels.choices ??= {})[k] = v;
  }
  if (stance.length > 0) labels.stance = stance;
  return labels.checkworthy === undefined && labels.stance === undefined && labels.choices === undefined ? null : labels;
}

/** Length in code points, without building an array of them. */
function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

export type ToExportOptions = {
  split: Split;
  includeAnnotatorLayers: boolean;
  spanTypes: ReadonlySet<string> | null;
  annotators: string[];
  schemaVersion: number;
};

export function toExportDocument(doc: DocumentRow, sentences: SentenceRows | undefined, annotations: AnnotationRow[], options: ToExportOptions): ExportDocument {
  const length = codePointLength(doc.text);
  const bySentence = new Map<number, AnnotationRow[]>();
  const spans: ExportSpan[] = [];
  for (const a of annotations) {
    if (isSpanRow(a)) {
      if (a.layer === "ANNOTATOR" && !options.includeAnnotatorLayers) continue;
      if (options.spanTypes && !options.spanTypes.has(a.type)) continue;
      spans.push(toExportSpan(a, length));
    } else if (a.layer === "GOLD" && a.sentence_index !== null) {
      const list = bySentence.get(a.sentence_index) ?? [];
      list.push(a);
      bySentence.set(a.sentence_index, list);
    }
  }
  const exportSentences: ExportSentence[] = (sentences?.index ?? []).map((index, i) => ({
    index,
    start: sentences!.start[i]!,
    end: sentences!.end[i]!,
    kind: sentences!.kind[i] === "BOILERPLATE" ? "boilerplate" : "content",
    labels: sentenceLabels(bySentence.get(index) ?? []),
  }));
  return {
    id: doc.id,
    title: doc.title,
    text: doc.text,
    language: doc.language,
    source: doc.source,
    originalSource: doc.original_source,
    author: doc.author,
    url: doc.url,
    publishedAt: doc.published_at ? doc.published_at.toISOString() : null,
    meta: record(doc.meta),
    tags: doc.tags,
    split: options.split,
    sentences: exportSentences,
    spans,
    provenance: {
      annotators: options.annotators,
      reviewer: doc.signed_off_by_id,
      signedOffAt: doc.signed_off_at ? doc.signed_off_at.toISOString() : null,
      schemaVersion: options.schemaVersion,
    },
  };
}

/** Annotator-layer rows in the shape the agreement accumulator reads. */
export function toLayerAnnotations(annotations: AnnotationRow[]): LayerAnnotation[] {
  return annotations
    .filter((a) => a.layer === "ANNOTATOR")
    .map((a) => {
      const attributes = { ...record(a.attributes) };
      delete attributes.cue;
      delete attributes.speakerMention;
      return {
        id: a.id, documentId: a.document_id, annotatorId: a.author_id, type: a.type, start: a.start, end: a.end, sentenceIndex: a.sentence_index,
        ...(gapsOf(a.gaps) ? { gaps: gapsOf(a.gaps)! } : {}),
        attributes: attributesWithHolders(withSpeakerSet(attributes, a.speaker_id), a.type),
      };
    });
}
