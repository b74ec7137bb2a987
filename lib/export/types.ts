/**
 * Plain, serialisable shapes the database layer feeds the export writers, one document at a time.
 * All offsets are Unicode code points into `ExportDocument.text`, end-exclusive.
 */

import type { StanceHolder } from "@/lib/stance/stance-holder";

export type StanceValue = -2 | -1 | 0 | 1 | 2;
/** `holder`: whose stance — the quoted source, the article's author/outlet, or the republisher. */
export type Stance = { target: string; value: number; holder: StanceHolder };
export type Offsets = { start: number; end: number };
/** `type`: the entity type as the API spells it (person, organisation, outlet, document). */
export type ExportSpeaker = { id: string; name: string; type: string };
export type SpanLayer = "gold" | `annotator:${string}`;

export type ExportSpan = {
  id: string;
  type: string;
  start: number;
  end: number;
  /** Inner ranges a discontinuous span excludes, sorted (absent: contiguous). See lib/spans/span-gaps.ts. */
  gaps?: Offsets[];
  attributes: Record<string, unknown>;
  stance: Stance[];
  speaker: ExportSpeaker | null;
  /** Further speakers of a joint statement, in order, after `speaker` (absent or empty: one speaker). */
  coSpeakers?: ExportSpeaker[];
  cue: Offsets | null;
  speakerMention: Offsets | null;
  layer: SpanLayer;
};

/** A typed, directed link between two spans of one layer (`fromId`/`toId` are span ids). */
export type ExportRelation = { id: string; type: string; fromId: string; toId: string; layer: SpanLayer };

/** `choices`: the sentence's other choice labels by attribute name (e.g. check-worthiness sub-questions). */
export type SentenceLabels = { checkworthy?: "yes" | "no"; stance?: Stance[]; choices?: Record<string, string> };

export type ExportSentence = {
  index: number;
  start: number;
  end: number;
  kind: "content" | "boilerplate";
  labels: SentenceLabels | null;
};

export type Split = "train" | "validation" | "test";

export type ExportDocument = {
  id: string;
  title: string;
  text: string;
  language: string;
  source: string | null;
  originalSource: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  meta: Record<string, unknown>;
  tags: string[];
  split: Split;
  sentences: ExportSentence[];
  spans: ExportSpan[];
  /** Absent means none (documents built before relations existed). */
  relations?: ExportRelation[];
  provenance: { annotators: string[]; reviewer: string | null; signedOffAt: string | null; schemaVersion: number };
};

export type ExportContext = {
  projectName: string;
  datasetVersion: number;
  createdAt: string;
  schema: unknown;
  license: string | null;
  sourceDescription: string | null;
  stanceTargets: string[];
};

/** Agreement figures are computed elsewhere and only reported here. */
export type AgreementFigure = { task: string; metric: string; value: number; items: number };
export type ExportSummary = { agreement: AgreementFigure[] };

/** A piece of one output file: writers append `data` to the file named `path` (UTF-8). */
export type FileChunk = { path: string; data: string };

/**
 * Every format is a small state machine: `begin` once, `document` per document (in the
 * caller's deterministic order), `end` once. Each call returns the chunks to append, so the
 * caller can stream them to storage without holding the whole export in memory.
 */
export interface FormatWriter {
  readonly format: string;
  begin(ctx: ExportContext): FileChunk[];
  document(doc: ExportDocument): FileChunk[];
  end(summary?: ExportSummary): FileChunk[];
}

export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExportError";
  }
}
