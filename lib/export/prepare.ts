import { hash } from "node:crypto";
import { isStanceHolder, STANCE_HOLDERS } from "@/lib/stance/stance-holder";
import {
  ExportError,
  type ExportContext,
  type ExportDocument,
  type ExportSentence,
  type ExportSpan,
  type Offsets,
  type Stance,
} from "./types";

/** A validated document with code-point helpers, built once and shared by a writer's steps. */
export type PreparedDocument = {
  doc: ExportDocument;
  /** Length in code points. */
  length: number;
  textSha256: string;
  /** Sentences sorted by index. */
  sentences: ExportSentence[];
  /** All spans sorted by start, end, type, id; stance sorted by target. */
  spans: ExportSpan[];
  /** Only the gold layer, same order. */
  goldSpans: ExportSpan[];
  slice(start: number, end: number): string;
  /** Sentences overlapping [start, end), in index order. */
  coveredSentences(start: number, end: number): ExportSentence[];
};

// One-shot hash(): the same digest as createHash().update().digest() without a Hash object per call.
export function sha256Hex(data: string | Uint8Array): string {
  return hash("sha256", data, "hex");
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareSpans(a: ExportSpan, b: ExportSpan): number {
  return a.start - b.start || a.end - b.end || compareStrings(a.type, b.type) || compareStrings(a.id, b.id);
}

function fail(docId: string, message: string): never {
  throw new ExportError(`document ${JSON.stringify(docId)}: ${message}`);
}

function checkOffsets(docId: string, what: string, o: Offsets, length: number): void {
  if (!Number.isSafeInteger(o.start) || !Number.isSafeInteger(o.end)) fail(docId, `${what} offsets must be integers`);
  if (o.start < 0 || o.end > length || o.start >= o.end)
    fail(docId, `${what} offsets [${o.start}, ${o.end}) are not a non-empty range within 0..${length}`);
}

/** Validates a stance list and returns it sorted by target (the DTO does not promise an order). */
export function normaliseStance(docId: string, what: string, stance: Stance[]): Stance[] {
  if (!Array.isArray(stance)) fail(docId, `${what} stance must be an array`);
  const seen = new Set<string>();
  for (const s of stance) {
    if (typeof s.target !== "string" || s.target.trim() === "") fail(docId, `${what} stance target must be non-empty`);
    if (!Number.isInteger(s.value) || s.value < -2 || s.value > 2)
      fail(docId, `${what} stance value ${String(s.value)} for ${JSON.stringify(s.target)} is not an integer in -2..2`);
    if (seen.has(s.target)) fail(docId, `${what} has two stance values for ${JSON.stringify(s.target)}`);
    if (!isStanceHolder(s.holder))
      fail(docId, `${what} stance holder ${JSON.stringify(s.holder)} for ${JSON.stringify(s.target)} is not one of ${STANCE_HOLDERS.join(", ")}`);
    seen.add(s.target);
  }
  return [...stance].map((s) => ({ target: s.target, value: s.value, holder: s.holder })).sort((a, b) => compareStrings(a.target, b.target));
}

const SPLITS = new Set(["train", "validation", "test"]);

// Every format writer prepares the same document object in turn; validating and splitting the
// text into code points once per object is enough (documents are not mutated after creation).
const prepared = new WeakMap<ExportDocument, PreparedDocument>();

export function prepareDocument(doc: ExportDocument): PreparedDocument {
  const cached = typeof doc === "object" && doc !== null ? prepared.get(doc) : undefined;
  if (cached) return cached;
  const result = prepareUncached(doc);
  prepared.set(doc, result);
  return result;
}

function prepareUncached(doc: ExportDocument): PreparedDocument {
  if (typeof doc?.id !== "string" || doc.id === "") throw new ExportError("document id must be a non-empty string");
  const id = doc.id;
  if (typeof doc.text !== "string") fail(id, "text must be a string");
  // A lone surrogate cannot be encoded as UTF-8, so offsets would disagree with every reader.
  if (!doc.text.isWellFormed()) fail(id, "text contains a lone UTF-16 surrogate");
  if (!SPLITS.has(doc.split)) fail(id, `split ${JSON.stringify(doc.split)} is not train/validation/test`);
  // Code point index → UTF-16 index, so a slice is one substring instead of joining an array
  // of one-character strings (the hot path of every writer).
  const text = doc.text;
  const units = new Int32Array(text.length + 1);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    units[length++] = i;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  units[length] = text.length;
  const at = (cp: number) => units[Math.min(Math.max(cp, 0), length)]!;
  const slice = (start: number, end: number) => (end > start ? text.substring(at(start), at(end)) : "");

  const seenIndex = new Set<number>();
  const sentences = [...doc.sentences].sort((a, b) => a.index - b.index);
  for (const s of sentences) {
    if (!Number.isSafeInteger(s.index) || s.index < 0) fail(id, `sentence index ${String(s.index)} is invalid`);
    if (seenIndex.has(s.index)) fail(id, `sentence index ${s.index} appears twice`);
    seenIndex.add(s.index);
    checkOffsets(id, `sentence ${s.index}`, s, length);
    if (s.kind !== "content" && s.kind !== "boilerplate") fail(id, `sentence ${s.index} kind ${JSON.stringify(s.kind)} is invalid`);
    if (s.labels) {
      const cw = s.labels.checkworthy;
      if (cw !== undefined && cw !== "yes" && cw !== "no") fail(id, `sentence ${s.index} checkworthy must be yes/no`);
      if (s.labels.stance !== undefined) normaliseStance(id, `sentence ${s.index}`, s.labels.stance);
      for (const [k, v] of Object.entries(s.labels.choices ?? {}))
        if (k === "" || typeof v !== "string") fail(id, `sentence ${s.index} choice ${JSON.stringify(k)} must be a string`);
    }
  }
  // A sentence without labels is used as it is (same keys, same order): no copy per sentence.
  const normSentences = sentences.map((s) =>
    s.labels === null
      ? s
      : {
          ...s,
          labels: s.labels
            ? {
                ...(s.labels.checkworthy !== undefined ? { checkworthy: s.labels.checkworthy } : {}),
                ...(s.labels.stance !== undefined ? { stance: normaliseStance(id, "", s.labels.stance) } : {}),
                ...(s.labels.choices !== undefined ? { choices: { ...s.labels.choices } } : {}),
              }
            : null,
        },
  );

  const seenSpan = new Set<string>();
  const spans = doc.spans.map((span) => {
    if (typeof span.id !== "string" || span.id === "") fail(id, "span id must be a non-empty string");
    const what = `span ${JSON.stringify(span.id)}`;
    if (seenSpan.has(span.id)) fail(id, `${what} appears twice`);
    seenSpan.add(span.id);
    if (typeof span.type !== "string" || !/^\S+$/u.test(span.type)) fail(id, `${what} type must be a non-empty token`);
    checkOffsets(id, what, span, length);
    if (span.cue) checkOffsets(id, `${what} cue`, span.cue, length);
    if (span.speakerMention) checkOffsets(id, `${what} speaker mention`, span.speakerMention, length);
    if (span.layer !== "gold" && !(typeof span.layer === "string" && /^annotator:.+$/u.test(span.layer)))
      fail(id, `${what} layer ${JSON.stringify(span.layer)} is not gold or annotator:<id>`);
    if (span.attributes === null || typeof span.attributes !== "object" || Array.isArray(span.attributes))
      fail(id, `${what} attributes must be an object`);
    return { ...span, stance: normaliseStance(id, what, span.stance) };
  });
  spans.sort(compareSpans);

  const coveredSentences = (start: number, end: number) =>
    normSentences.filter((s) => s.start < end && start < s.end);

  return {
    doc,
    length,
    textSha256: sha256Hex(doc.text),
    sentences: normSentences,
    spans,
    goldSpans: spans.filter((s) => s.layer === "gold"),
    slice,
    coveredSentences,
  };
}

export function checkContext(ctx: ExportContext): void {
  if (typeof ctx?.projectName !== "string" || ctx.projectName === "") throw new ExportError("context projectName must be non-empty");
  if (!Number.isSafeInteger(ctx.datasetVersion) || ctx.datasetVersion < 1)
    throw new ExportError("context datasetVersion must be a positive integer");
  if (typeof ctx.createdAt !== "string" || ctx.createdAt === "") throw new ExportError("context createdAt must be a string");
  if (!Array.isArray(ctx.stanceTargets) || new Set(ctx.stanceTargets).size !== ctx.stanceTargets.length)
    throw new ExportError("context stanceTargets must be an array of distinct strings");
}
