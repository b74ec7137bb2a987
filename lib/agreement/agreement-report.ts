/**
 * The agreement report for a document or a whole project, built one document at a time so a
 * caller can stream documents from a DB cursor: only coincidence matrices (alpha), contingency
 * tables (kappa) and tp/fp/fn counts (span F1) are kept between documents.
 *
 * Pass annotator layers only (not the gold layer). Conventions:
 * - alpha per attribute key (see attribute-units.ts); ordinal and interval alpha only for keys
 *   whose values are all numbers (stance), null for nominal-only keys (speaker, form, …);
 * - kappa on `sentence.checkworthy`, or else the alphabetically first sentence-level key;
 * - span F1 is summed over documents (micro-average) for each annotator pair, counting only
 *   documents that both annotators annotated (or were assigned via `annotators`), so a document
 *   nobody gave to B does not count as B missing every span;
 * - per annotator: annotation counts per type and the mean of the overall F1 with each other
 *   annotator (pairs whose F1 is null, i.e. no spans at all, are left out of the mean).
 */
import { alphaFromCoincidences } from "./krippendorff-alpha";
import { CoincidenceMatrix } from "./coincidence-matrix";
import { ContingencyTable, kappaMatrixFromTables, type KappaMatrix } from "./cohen-kappa";
import { buildAttributeUnits } from "./attribute-units";
import { isSpanAnnotation, type LayerAnnotation } from "./layer-annotation";
import { spanAgreement, summarise, type Span, type SpanAgreementResult, type SpanMatchMode } from "./span-agreement";
import type { MatchOptions } from "@/lib/review/match-spans";

export type AttributeAgreement = {
  alpha: { nominal: number | null; ordinal: number | null; interval: number | null };
  /** Units with at least two values. */
  units: number;
  /** Values in those units. */
  pairable: number;
  scale: "numeric" | "nominal";
};

export type PairSpanReport = { reference: string; other: string; documents: number; exact: SpanAgreementResult; overlap: SpanAgreementResult };

export type AnnotatorSummary = {
  annotatorId: string;
  documents: number;
  /** Annotations per type, sentence-level ones included. */
  annotations: Record<string, number>;
  meanPairwiseF1: { exact: number | null; overlap: number | null };
};

export type AgreementReport = {
  documents: number;
  annotators: string[];
  /** Keyed by attribute key, keys sorted. */
  attributes: Record<string, AttributeAgreement>;
  kappa: (KappaMatrix & { key: string }) | null;
  spans: PairSpanReport[];
  perAnnotator: AnnotatorSummary[];
};

const MODES: readonly SpanMatchMode[] = ["exact", "overlap"];
type Counts = { tp: number; fp: number; fn: number };
const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

export class AgreementAccumulator {
  private documents = new Set<string>();
  private readonly attributes = new Map<string, { matrix: CoincidenceMatrix; numeric: boolean }>();
  /** Sentence-level key → ordered annotator pair (a ≤ b) → table. */
  private readonly sentenceTables = new Map<string, Map<string, ContingencyTable>>();
  private readonly spanCounts = new Map<string, { documents: number; exact: Map<string, Counts>; overlap: Map<string, Counts> }>();
  private readonly annotatorStats = new Map<string, { documents: number; annotations: Map<string, number> }>();

  /**
   * Adds one document's annotator annotations (several documents are split by documentId).
   * `options.annotators` names annotators assigned to it who may have annotated nothing.
   */
  addDocument(annotations: readonly LayerAnnotation[], options: MatchOptions = {}): void {
    const byDocument = new Map<string, LayerAnnotation[]>();
    for (const a of annotations) {
      const list = byDocument.get(a.documentId);
      if (list) list.push(a);
      else byDocument.set(a.documentId, [a]);
    }
    for (const documentAnnotations of byDocument.values()) this.addOne(documentAnnotations, options);
  }

  result(): AgreementReport {
    const annotators = [...this.annotatorStats.keys()].sort();
    const attributes: Record<string, AttributeAgreement> = {};
    for (const key of [...this.attributes.keys()].sort()) {
      const { matrix, numeric } = this.attributes.get(key) as { matrix: CoincidenceMatrix; numeric: boolean };
      const nominal = alphaFromCoincidences(matrix, "nominal");
      attributes[key] = {
        alpha: {
          nominal: nominal.alpha,
          ordinal: numeric ? alphaFromCoincidences(matrix, "ordinal").alpha : null,
          interval: numeric ? alphaFromCoincidences(matrix, "interval").alpha : null,
        },
        units: nominal.units,
        pairable: nominal.pairable,
        scale: numeric ? "numeric" : "nominal",
      };
    }

    const spans: PairSpanReport[] = [...this.spanCounts.entries()]
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([key, counts]) => {
        const [reference = "", other = ""] = key.split("\u0000");
        return { reference, other, documents: counts.documents, exact: summarise(counts.exact), overlap: summarise(counts.overlap) };
      });

    const perAnnotator = annotators.map((annotatorId): AnnotatorSummary => {
      const stats = this.annotatorStats.get(annotatorId) ?? { documents: 0, annotations: new Map<string, number>() };
      const mean = (mode: SpanMatchMode): number | null => {
        const scores = spans
          .filter((p) => p.reference === annotatorId || p.other === annotatorId)
          .map((p) => p[mode].overall.f1)
          .filter((f1): f1 is number => f1 !== null);
        return scores.length === 0 ? null : scores.reduce((sum, f1) => sum + f1, 0) / scores.length;
      };
      return {
        annotatorId,
        documents: stats.documents,
        annotations: Object.fromEntries([...stats.annotations.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))),
        meanPairwiseF1: { exact: mean("exact"), overlap: mean("overlap") },
      };
    });

    return { documents: this.documents.size, annotators, attributes, kappa: this.kappa(annotators), spans, perAnnotator };
  }

  private addOne(annotations: LayerAnnotation[], options: MatchOptions): void {
    const documentId = annotations[0]?.documentId;
    if (documentId === undefined) return;
    this.documents.add(documentId);
    const annotators = [...new Set([...(options.annotators ?? []), ...annotations.map((a) => a.annotatorId)])].sort();

    for (const annotatorId of annotators) {
      const stats = this.annotatorStats.get(annotatorId) ?? { documents: 0, annotations: new Map<string, number>() };
      stats.documents += 1;
      this.annotatorStats.set(annotatorId, stats);
    }
    for (const a of annotations) {
      const counts = this.annotatorStats.get(a.annotatorId)?.annotations;
      counts?.set(a.type, (counts.get(a.type) ?? 0) + 1);
    }

    for (const [key, table] of buildAttributeUnits(annotations, { annotators })) {
      let entry = this.attributes.get(key);
      if (!entry) {
        entry = { matrix: new CoincidenceMatrix(), numeric: true };
        this.attributes.set(key, entry);
      }
      for (const unit of table.units) {
        if (unit.some((v) => typeof v === "string")) entry.numeric = false;
        entry.matrix.addUnit(unit);
      }
      if (key.startsWith("sentence.")) this.addKappaUnits(key, table.annotators, table.units);
    }

    this.addSpanCounts(annotations, annotators);
  }

  private addKappaUnits(key: string, annotators: readonly string[], units: ReadonlyArray<ReadonlyArray<string | number | null>>): void {
    const tables = this.sentenceTables.get(key) ?? new Map<string, ContingencyTable>();
    this.sentenceTables.set(key, tables);
    for (const unit of units) {
      for (let i = 0; i < annotators.length; i++) {
        const x = unit[i];
        if (x === null || x === undefined) continue;
        for (let j = i; j < annotators.length; j++) {
          const y = unit[j];
          if (y === null || y === undefined) continue;
          const pair = pairKey(annotators[i] as string, annotators[j] as string);
          const table = tables.get(pair) ?? new ContingencyTable();
          table.add(x, y);
          tables.set(pair, table);
        }
      }
    }
  }

  private addSpanCounts(annotations: readonly LayerAnnotation[], annotators: readonly string[]): void {
    const layers = new Map<string, Span[]>(annotators.map((a) => [a, []]));
    for (const a of annotations) if (isSpanAnnotation(a)) layers.get(a.annotatorId)?.push({ type: a.type, start: a.start, end: a.end, gaps: a.gaps });
    for (let i = 0; i < annotators.length; i++) {
      for (let j = i + 1; j < annotators.length; j++) {
        const reference = annotators[i] as string;
        const other = annotators[j] as string;
        const key = pairKey(reference, other);
        const entry = this.spanCounts.get(key) ?? { documents: 0, exact: new Map<string, Counts>(), overlap: new Map<string, Counts>() };
        this.spanCounts.set(key, entry);
        entry.documents += 1;
        for (const mode of MODES) {
          const { byType } = spanAgreement(layers.get(reference) ?? [], layers.get(other) ?? [], mode);
          for (const [type, c] of Object.entries(byType)) {
            const sum = entry[mode].get(type) ?? { tp: 0, fp: 0, fn: 0 };
            entry[mode].set(type, { tp: sum.tp + c.tp, fp: sum.fp + c.fp, fn: sum.fn + c.fn });
          }
        }
      }
    }
  }

  private kappa(annotators: readonly string[]): AgreementReport["kappa"] {
    const keys = [...this.sentenceTables.keys()].sort();
    const key = keys.includes("sentence.checkworthy") ? "sentence.checkworthy" : keys[0];
    if (key === undefined) return null;
    const tables = this.sentenceTables.get(key) ?? new Map<string, ContingencyTable>();
    const matrix = annotators.map((a) =>
      annotators.map((b) => tables.get(a <= b ? pairKey(a, b) : pairKey(b, a)) ?? new ContingencyTable()),
    );
    return { key, ...kappaMatrixFromTables(annotators, matrix) };
  }
}

/** The report for annotations of one or many documents, held in memory. */
export function computeAgreementReport(annotations: readonly LayerAnnotation[], options: MatchOptions = {}): AgreementReport {
  const accumulator = new AgreementAccumulator();
  accumulator.addDocument(annotations, options);
  return accumulator.result();
}
