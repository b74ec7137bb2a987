/**
 * Turns annotator layers into reliability data for alpha: one unit per sentence label group or
 * matched span group, one column per annotator, one table per attribute key.
 *
 * Keys: `sentence.<attr>` for sentence-level annotations (whatever their type),
 * `<TYPE>.<attr>` for spans, where <attr> is as in flattenAttributes: `checkworthy`, `form`,
 * `speaker` (the speaker id), `stance:<target>`, or any other scalar attribute.
 *
 * Missing values (null): the annotator has no member in the group, or the member lacks the
 * attribute. In particular a stance target one annotator did not list is missing, not neutral,
 * and a span one annotator did not mark contributes nothing to its attributes' alpha (span
 * presence is measured by span F1 instead).
 */
import type { AlphaValue } from "./coincidence-matrix";
import { flattenAttributes, type LayerAnnotation } from "./layer-annotation";
import { matchSentenceLabels, matchSpans, type MatchOptions } from "@/lib/review/match-spans";

export type AttributeUnits = {
  key: string;
  /** Column order of `units`. */
  annotators: string[];
  /** One row per unit: `documentId/groupKey`. */
  unitIds: string[];
  units: Array<Array<AlphaValue | null>>;
};

type Group = { documentId: string; key: string; members: readonly LayerAnnotation[] };

export function buildSentenceLabelUnits(annotations: readonly LayerAnnotation[], options: MatchOptions = {}): Map<string, AttributeUnits> {
  return unitsFromGroups(matchSentenceLabels(annotations, options), () => "sentence", annotatorsOf(annotations, options));
}

export function buildSpanAttributeUnits(annotations: readonly LayerAnnotation[], options: MatchOptions = {}): Map<string, AttributeUnits> {
  return unitsFromGroups(matchSpans(annotations, options), (group) => group.members[0]?.type ?? "", annotatorsOf(annotations, options));
}

/** Both of the above in one map, keys sorted. */
export function buildAttributeUnits(annotations: readonly LayerAnnotation[], options: MatchOptions = {}): Map<string, AttributeUnits> {
  const all = [...buildSentenceLabelUnits(annotations, options), ...buildSpanAttributeUnits(annotations, options)];
  return new Map(all.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

function annotatorsOf(annotations: readonly LayerAnnotation[], options: MatchOptions): string[] {
  return [...new Set([...(options.annotators ?? []), ...annotations.map((a) => a.annotatorId)])].sort();
}

function unitsFromGroups(groups: readonly Group[], prefix: (group: Group) => string, annotators: string[]): Map<string, AttributeUnits> {
  const column = new Map(annotators.map((a, i) => [a, i]));
  const tables = new Map<string, AttributeUnits>();
  for (const group of groups) {
    const rows = new Map<string, Array<AlphaValue | null>>();
    for (const member of group.members) {
      for (const [attribute, value] of flattenAttributes(member.attributes)) {
        const key = `${prefix(group)}.${attribute}`;
        let row = rows.get(key);
        if (!row) {
          row = annotators.map(() => null);
          rows.set(key, row);
        }
        row[column.get(member.annotatorId) ?? 0] = value;
      }
    }
    for (const [key, row] of rows) {
      let table = tables.get(key);
      if (!table) {
        table = { key, annotators, unitIds: [], units: [] };
        tables.set(key, table);
      }
      table.unitIds.push(`${group.documentId}/${group.key}`);
      table.units.push(row);
    }
  }
  return tables;
}
