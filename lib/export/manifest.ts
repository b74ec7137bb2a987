import { canonicalJson, jsonFile, type JsonValue } from "./json";
import { compareStrings, prepareDocument } from "./prepare";
import { ExportError, type AgreementFigure, type ExportContext, type ExportDocument } from "./types";

export type ManifestFile = { name: string; format: string; bytes: number; sha256: string };

type Counter = Record<string, number>;
export type ManifestCounts = {
  documents: number;
  sentences: number;
  splits: Counter;
  spansByType: Counter;
  spansByLayer: Counter;
  checkworthy: Counter;
  sentenceStance: Record<string, Counter>;
  spanStance: Record<string, Counter>;
};

const inc = (c: Counter, key: string) => {
  c[key] = (c[key] ?? 0) + 1;
};

/** Accumulates counts one document at a time, alongside the format writers. */
export function createManifestCounter(): { add(doc: ExportDocument): void; counts(): ManifestCounts } {
  const c: ManifestCounts = {
    documents: 0, sentences: 0, splits: {}, spansByType: {}, spansByLayer: {}, checkworthy: {}, sentenceStance: {}, spanStance: {},
  };
  return {
    add(doc) {
      const p = prepareDocument(doc);
      c.documents++;
      c.sentences += p.sentences.length;
      inc(c.splits, doc.split);
      for (const s of p.spans) {
        // Per-type counts describe the gold layer; annotator layers are only counted per layer.
        if (s.layer === "gold") inc(c.spansByType, s.type);
        inc(c.spansByLayer, s.layer === "gold" ? "gold" : "annotator");
        if (s.layer === "gold") for (const st of s.stance) inc((c.spanStance[st.target] ??= {}), String(st.value));
      }
      for (const s of p.sentences) {
        if (s.labels?.checkworthy) inc(c.checkworthy, s.labels.checkworthy);
        for (const st of s.labels?.stance ?? []) inc((c.sentenceStance[st.target] ??= {}), String(st.value));
      }
    },
    counts: () => structuredClone(c),
  };
}

export type ManifestInput = {
  ctx: ExportContext;
  createdBy: string;
  filter: unknown;
  counts: ManifestCounts;
  agreement: AgreementFigure[];
  files: ManifestFile[];
  /** Formats left out of this version's files, built from its native JSONL when first asked for. */
  formatsOnRequest?: string[];
};

/**
 * The dataset manifest. Our own keys are in a fixed order; free-form parts (schema, filter,
 * counts) have sorted keys and files are sorted by name, so equal inputs give equal bytes.
 */
export function buildManifest(input: ManifestInput): JsonValue {
  const { ctx } = input;
  if (typeof input.createdBy !== "string" || input.createdBy === "") throw new ExportError("manifest: createdBy must be non-empty");
  const names = new Set<string>();
  for (const f of input.files) {
    if (names.has(f.name)) throw new ExportError(`manifest: file ${JSON.stringify(f.name)} listed twice`);
    names.add(f.name);
    if (!/^[0-9a-f]{64}$/u.test(f.sha256)) throw new ExportError(`manifest: file ${JSON.stringify(f.name)} sha256 must be 64 hex digits`);
    if (!Number.isSafeInteger(f.bytes) || f.bytes < 0) throw new ExportError(`manifest: file ${JSON.stringify(f.name)} bytes must be a non-negative integer`);
  }
  for (const a of input.agreement)
    if (!Number.isFinite(a.value) || !Number.isSafeInteger(a.items)) throw new ExportError(`manifest: agreement ${JSON.stringify(a.task)} is not numeric`);
  return {
    project: ctx.projectName,
    dataset_version: ctx.datasetVersion,
    created_at: ctx.createdAt,
    created_by: input.createdBy,
    license: ctx.license,
    source_description: ctx.sourceDescription,
    offset_unit: "codepoint",
    filter: canonicalJson(input.filter, "filter"),
    schema: canonicalJson(ctx.schema, "schema"),
    stance_targets: [...ctx.stanceTargets],
    counts: canonicalJson({
      documents: input.counts.documents,
      sentences: input.counts.sentences,
      splits: input.counts.splits,
      spans_by_type: input.counts.spansByType,
      spans_by_layer: input.counts.spansByLayer,
      checkworthy: input.counts.checkworthy,
      sentence_stance: input.counts.sentenceStance,
      span_stance: input.counts.spanStance,
    }, "counts"),
    agreement: input.agreement.map((a) => ({ task: a.task, metric: a.metric, value: a.value, items: a.items })),
    files: [...input.files]
      .sort((a, b) => compareStrings(a.name, b.name))
      .map((f) => ({ name: f.name, format: f.format, bytes: f.bytes, sha256: f.sha256 })),
    ...(input.formatsOnRequest ? { formats_on_request: [...input.formatsOnRequest] } : {}),
  };
}

export function manifestJson(manifest: JsonValue): string {
  return jsonFile(manifest);
}
