// Relations in review and agreement, pure. A relation's ends are mapped to the span groups of the
// review's span matching (lib/review/match-spans.ts), so a relation agrees across annotators when
// its type and both ends' groups are the same: `relation:{type}:{fromGroupKey}->{toGroupKey}`.

import type { SpanGroup } from "@/lib/review/match-spans";

export type LayerRelation = { id: string; annotatorId: string; type: string; fromId: string; toId: string };

export type RelationMatch = {
  key: string;
  type: string;
  fromGroup: string;
  toGroup: string;
  /** One relation per annotator who drew it, sorted by annotator. */
  members: LayerRelation[];
  missingAnnotators: string[];
  agreed: boolean;
};

export const relationMatchKey = (type: string, fromGroup: string, toGroup: string) => `relation:${type}:${fromGroup}->${toGroup}`;

/** Annotation id → the key of the span group it belongs to. */
export function groupOfAnnotation(groups: readonly Pick<SpanGroup, "key" | "members">[]): Map<string, string> {
  return new Map(groups.flatMap((g) => g.members.map((m) => [m.id, g.key] as const)));
}

/** Groups the annotators' relations by type and end groups; `annotators` are everyone whose agreement counts. */
export function matchRelations(relations: readonly LayerRelation[], groupOf: ReadonlyMap<string, string>, annotators: readonly string[]): RelationMatch[] {
  const byKey = new Map<string, RelationMatch>();
  for (const r of relations) {
    const fromGroup = groupOf.get(r.fromId);
    const toGroup = groupOf.get(r.toId);
    if (!fromGroup || !toGroup) continue; // an end that is not a span of the review (cannot happen for stored relations)
    const key = relationMatchKey(r.type, fromGroup, toGroup);
    let match = byKey.get(key);
    if (!match) byKey.set(key, (match = { key, type: r.type, fromGroup, toGroup, members: [], missingAnnotators: [], agreed: false }));
    // One per annotator: two of one annotator's spans in one group linked twice count once.
    if (!match.members.some((m) => m.annotatorId === r.annotatorId)) match.members.push(r);
  }
  const everyone = [...new Set(annotators)].sort();
  const out = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const m of out) {
    m.members.sort((a, b) => (a.annotatorId < b.annotatorId ? -1 : a.annotatorId > b.annotatorId ? 1 : 0));
    const present = new Set(m.members.map((x) => x.annotatorId));
    m.missingAnnotators = everyone.filter((a) => !present.has(a));
    m.agreed = m.missingAnnotators.length === 0 && m.members.length > 0;
  }
  return out;
}

export type RelationF1 = { truePositives: number; relations: number; f1: number | null };

/**
 * Pairwise relation F1 over the matches: for each pair of annotators, a relation of one is a true
 * positive when the other drew the same match (type and both end groups); summed over pairs and
 * documents (micro F1 = 2·TP / (|A| + |B|)). null when no annotator drew any relation.
 */
export function relationF1(matches: readonly RelationMatch[], annotators: readonly string[]): RelationF1 {
  const everyone = [...new Set(annotators)].sort();
  let tp = 0;
  let total = 0;
  for (let i = 0; i < everyone.length; i++)
    for (let j = i + 1; j < everyone.length; j++) {
      for (const m of matches) {
        const a = m.members.some((x) => x.annotatorId === everyone[i]);
        const b = m.members.some((x) => x.annotatorId === everyone[j]);
        if (a && b) tp++;
        total += (a ? 1 : 0) + (b ? 1 : 0);
      }
    }
  return { truePositives: tp, relations: total, f1: total === 0 ? null : (2 * tp) / total };
}

/** Accumulates relation F1 over documents (each document's matches and annotators). */
export function sumRelationF1(parts: readonly RelationF1[]): RelationF1 {
  const tp = parts.reduce((n, p) => n + p.truePositives, 0);
  const total = parts.reduce((n, p) => n + p.relations, 0);
  return { truePositives: tp, relations: total, f1: total === 0 ? null : (2 * tp) / total };
}
