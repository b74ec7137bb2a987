import { checkGaps, fragmentsOf, spanOfFragments } from "@/lib/spans/span-gaps";
import { STANCE_HOLDERS, withDefaultHolders } from "@/lib/stance/stance-holder";
import { z } from "@/lib/validation/zod";
import { canonicalJson, jsonLine, type JsonValue } from "@/lib/export/json";
import { prepareDocument, type PreparedDocument } from "@/lib/export/prepare";
import { documentRelations } from "@/lib/export/relations";
import { speakersOf } from "@/lib/export/speakers";
import { ExportError, type ExportDocument, type ExportSpan, type FormatWriter, type Offsets, type SpanLayer } from "@/lib/export/types";
import { defineWriter } from "@/lib/export/writer";

export const NATIVE_FILE = "native.jsonl";

function offsetsWithText(p: PreparedDocument, o: Offsets | null): JsonValue {
  return o ? { start: o.start, end: o.end, text: p.slice(o.start, o.end) } : null;
}

export function spanRecord(p: PreparedDocument, s: ExportSpan): { [key: string]: JsonValue } {
  return {
    id: s.id,
    layer: s.layer,
    type: s.type,
    start: s.start,
    end: s.end,
    text: p.slice(s.start, s.end),
    // A discontinuous span: the pieces it covers, each with its text (`text` above spans the gaps).
    ...(s.gaps ? { fragments: fragmentsOf(s.start, s.end, s.gaps).map((f) => offsetsWithText(p, f)) } : {}),
    attributes: canonicalJson(s.attributes, `span ${s.id} attributes`),
    stance: s.stance.map((x) => ({ target: x.target, value: x.value, holder: x.holder })),
    speaker: s.speaker ? { id: s.speaker.id, name: s.speaker.name, type: s.speaker.type } : null,
    // Every speaker in order (a joint statement has several); `speaker` is the first of them.
    speakers: speakersOf(s).map((x) => ({ id: x.id, name: x.name, type: x.type })),
    cue: offsetsWithText(p, s.cue),
    speaker_mention: offsetsWithText(p, s.speakerMention),
  };
}

/** The full native record of one document; also the row shape of the Hugging Face export. */
export function nativeRecord(p: PreparedDocument): { [key: string]: JsonValue } {
  const d = p.doc;
  return {
    id: d.id,
    title: d.title,
    language: d.language,
    source: d.source,
    original_source: d.originalSource,
    author: d.author,
    url: d.url,
    published_at: d.publishedAt,
    tags: [...d.tags],
    split: d.split,
    meta: canonicalJson(d.meta, "meta"),
    text: d.text,
    text_sha256: p.textSha256,
    offset_unit: "codepoint",
    sentences: p.sentences.map((s) => ({
      index: s.index,
      start: s.start,
      end: s.end,
      kind: s.kind,
      // Both keys always present (null when unset) so every line has the same shape.
      labels: s.labels
        ? {
            checkworthy: s.labels.checkworthy ?? null,
            stance: s.labels.stance ? s.labels.stance.map((x) => ({ target: x.target, value: x.value, holder: x.holder })) : null,
            // Only when the schema has other sentence choices (e.g. check-worthiness sub-questions).
            ...(s.labels.choices ? { choices: canonicalJson(s.labels.choices, `sentence ${s.index} choices`) } : {}),
          }
        : null,
    })),
    spans: p.spans.map((s) => spanRecord(p, s)),
    relations: documentRelations(p).map((r) => ({ id: r.id, layer: r.layer, type: r.type, from_id: r.fromId, to_id: r.toId })),
    provenance: {
      annotators: [...d.provenance.annotators],
      reviewer: d.provenance.reviewer,
      signed_off_at: d.provenance.signedOffAt,
      schema_version: d.provenance.schemaVersion,
    },
  };
}

/** `native.jsonl`: one complete document per line, nothing else, so files can be concatenated. */
export function createNativeJsonlWriter(): FormatWriter {
  return defineWriter("native-jsonl", {
    begin: () => [{ path: NATIVE_FILE, data: "" }],
    document: (p) => [{ path: NATIVE_FILE, data: jsonLine(nativeRecord(p)) }],
    end: () => [],
  });
}

// `holder` is optional so files exported before holders existed still read (type's default).
const stanceSchema = z.array(
  z.object({
    target: z.string(),
    value: z.number().int().min(-2).max(2),
    holder: z.enum(STANCE_HOLDERS, { error: `holder must be one of ${STANCE_HOLDERS.join(", ")}` }).optional(),
  }),
);
const speakerSchema = z.object({ id: z.string(), name: z.string(), type: z.string() });
const offsetsSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });
const nativeSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  language: z.string(),
  source: z.string().nullable(),
  original_source: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  published_at: z.string().nullable(),
  tags: z.array(z.string()),
  split: z.enum(["train", "validation", "test"]),
  meta: z.record(z.string(), z.unknown()),
  text: z.string(),
  text_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  offset_unit: z.literal("codepoint"),
  sentences: z.array(
    z.object({
      index: z.number().int().min(0),
      start: z.number().int(),
      end: z.number().int(),
      kind: z.enum(["content", "boilerplate"]),
      labels: z
        .object({ checkworthy: z.enum(["yes", "no"]).nullable(), stance: stanceSchema.nullable(), choices: z.record(z.string(), z.string()).optional() })
        .nullable(),
    }),
  ),
  spans: z.array(
    z.object({
      id: z.string().min(1),
      layer: z.string().regex(/^(gold|annotator:.+)$/),
      type: z.string().min(1),
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
      // Only on a discontinuous span.
      fragments: z.array(offsetsSchema).optional(),
      attributes: z.record(z.string(), z.unknown()),
      stance: stanceSchema,
      speaker: speakerSchema.nullable(),
      // Absent in files written before joint speakers existed.
      speakers: z.array(speakerSchema).optional(),
      cue: offsetsSchema.nullable(),
      speaker_mention: offsetsSchema.nullable(),
    }),
  ),
  // Absent in files written before relations existed.
  relations: z
    .array(z.object({ id: z.string().min(1), layer: z.string().regex(/^(gold|annotator:.+)$/), type: z.string().min(1), from_id: z.string().min(1), to_id: z.string().min(1) }))
    .optional(),
  provenance: z.object({
    annotators: z.array(z.string()),
    reviewer: z.string().nullable(),
    signed_off_at: z.string().nullable(),
    schema_version: z.number().int(),
  }),
});

/** A span's `fragments` back to its gaps; they must cover exactly [start, end) with valid gaps. */
function gapsOfRecord(id: string, s: { id: string; start: number; end: number; fragments?: Offsets[] }): { gaps?: Offsets[] } {
  if (!s.fragments || s.fragments.length === 0) return {};
  const span = spanOfFragments(s.fragments);
  const bad = (why: string) => new ExportError(`native JSONL ${id}: span ${s.id} fragments ${why}`);
  if (!span || span.start !== s.start || span.end !== s.end) throw bad(`do not cover [${s.start}, ${s.end}) in order without overlap`);
  if (!span.gaps) return {};
  const problem = Object.values(checkGaps(s.start, s.end, span.gaps))[0];
  if (problem) throw bad(problem[0]!);
  return { gaps: span.gaps };
}

/**
 * Parses one native JSONL line back into the DTO, for re-importing a dataset. Besides the
 * shape, it checks what a hand-edited file can break: the text hash and every stored span text
 * against the code-point slice it claims to be.
 */
export function readNativeJsonl(line: string): ExportDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    throw new ExportError(`native JSONL: not JSON (${(e as Error).message})`);
  }
  const parsed = nativeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExportError(`native JSONL: ${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid"}`);
  }
  const r = parsed.data;
  const offsets = (o: { start: number; end: number } | null) => (o ? { start: o.start, end: o.end } : null);
  const doc: ExportDocument = {
    id: r.id,
    title: r.title,
    text: r.text,
    language: r.language,
    source: r.source,
    originalSource: r.original_source,
    author: r.author,
    url: r.url,
    publishedAt: r.published_at,
    meta: r.meta,
    tags: r.tags,
    split: r.split,
    sentences: r.sentences.map((s) => ({
      index: s.index,
      start: s.start,
      end: s.end,
      kind: s.kind,
      labels: s.labels
        ? {
            ...(s.labels.checkworthy !== null ? { checkworthy: s.labels.checkworthy } : {}),
            ...(s.labels.stance !== null ? { stance: withDefaultHolders(s.labels.stance, null) } : {}),
            ...(s.labels.choices ? { choices: s.labels.choices } : {}),
          }
        : null,
    })),
    spans: r.spans.map((s) => ({
      id: s.id,
      type: s.type,
      start: s.start,
      end: s.end,
      ...gapsOfRecord(r.id, s),
      attributes: s.attributes,
      stance: withDefaultHolders(s.stance, s.type),
      speaker: s.speaker,
      ...(s.speakers && s.speakers.length > 1 ? { coSpeakers: s.speakers.slice(1) } : {}),
      cue: offsets(s.cue),
      speakerMention: offsets(s.speaker_mention),
      layer: s.layer as SpanLayer,
    })),
    relations: (r.relations ?? []).map((x) => ({ id: x.id, type: x.type, fromId: x.from_id, toId: x.to_id, layer: x.layer as SpanLayer })),
    provenance: {
      annotators: r.provenance.annotators,
      reviewer: r.provenance.reviewer,
      signedOffAt: r.provenance.signed_off_at,
      schemaVersion: r.provenance.schema_version,
    },
  };
  const p = prepareDocument(doc);
  if (p.textSha256 !== r.text_sha256) throw new ExportError(`native JSONL ${r.id}: text_sha256 does not match text`);
  const check = (what: string, o: { start: number; end: number; text: string } | null) => {
    if (o && p.slice(o.start, o.end) !== o.text)
      throw new ExportError(`native JSONL ${r.id}: ${what} text does not match text[${o.start}:${o.end}]`);
  };
  for (const s of r.spans) {
    const first = s.speakers?.[0] ?? null;
    if (s.speakers && JSON.stringify(first) !== JSON.stringify(s.speaker))
      throw new ExportError(`native JSONL ${r.id}: span ${s.id} speaker is not the first of its speakers`);
    check(`span ${s.id}`, s);
    s.fragments?.forEach((f, i) => check(`span ${s.id} fragment ${i}`, f));
    check(`span ${s.id} cue`, s.cue);
    check(`span ${s.id} speaker_mention`, s.speaker_mention);
  }
  documentRelations(p); // ends exist, in the relation's layer
  return doc;
}
