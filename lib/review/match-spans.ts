/**
 * Groups the annotators' annotations of a document for the review page.
 *
 * ## Span matching rule
 *
 * Spans (annotations with start/end; code points, end-exclusive) are grouped per document and
 * never across types. A group holds at most one span per annotator.
 *
 * 1. Exact: spans with the same type, start, end and gaps (discontinuous spans: the same
 *    fragments) form one group. If an annotator has two
 *    identical spans, the second starts a group of its own.
 * 2. Overlap: groups are then merged greedily. Every pair of same-type spans that share at least
 *    one code point is a candidate; candidates are taken largest overlap first, ties to the
 *    smaller union (closer boundaries), then to the earlier offsets. A candidate merges the two
 *    groups holding its spans only if no annotator is in both and every span of one group
 *    overlaps every span of the other, so a chain A[0,10) B[8,20) C[18,30) does not collapse into
 *    one group. Zero-length spans only group exactly.
 *    Candidates come from a sweep over the spans sorted by start (overlap-candidates.ts), so time
 *    is O(n log n). On degenerate input — more than MAX_PARTNERS_PER_OWNER (16) same-type spans of
 *    one other annotator starting inside a span, e.g. thousands of nested spans — a span is
 *    only paired with the first 16 of them (nearest starts); below that bound the result is
 *    exactly the all-pairs rule.
 *
 * For two annotators this is the same matching as spanAgreement(…, "overlap").
 *
 * A group's key is `TYPE:start:end` of the offsets most members chose (ties: earlier start,
 * then shorter), with `#2`, `#3`… for repeats within a document. It depends only on the set of
 * annotations, not on their input order. Groups are ordered by document, start, type, end.
 *
 * `agreed` means every annotator of the document has a member, all with the same offsets (and
 * gaps: spans that differ only in their gaps differ in "boundaries") and
 * deep-equal attributes (stance lists compared as sets of {target, value}). The annotators of a
 * document are everyone with any annotation in it, plus `options.annotators` (for someone
 * assigned who annotated nothing).
 */
import { assertValidOffsets, isSentenceAnnotation, isSpanAnnotation, type LayerAnnotation, type SpanAnnotation } from "@/lib/agreement/layer-annotation";
import { forEachOverlapCandidate } from "@/lib/agreement/overlap-candidates";
import { compareCandidates, overlapLength, type CandidatePair } from "@/lib/agreement/span-agreement";
import { gapKey } from "@/lib/spans/span-gaps";
import { differingAttributes } from "./canonical-json";

export type GroupDifference = "boundaries" | "missing" | `attribute:${string}`;

export type SpanGroup = {
  key: string;
  documentId: string;
  type: string;
  /** The key's offsets. */
  start: number;
  end: number;
  /** Sorted by annotator, then id. */
  members: SpanAnnotation[];
  /** Annotators of the document without a member, sorted. */
  missingAnnotators: string[];
  agreed: boolean;
  /** "boundaries", then "missing", then "attribute:<name>" sorted by name. */
  differences: GroupDifference[];
};

export type SentenceLabelGroup = {
  key: string;
  documentId: string;
  sentenceIndex: number;
  type: string;
  members: LayerAnnotation[];
  missingAnnotators: string[];
  agreed: boolean;
  differences: Array<"missing" | `attribute:${string}`>;
};

export type MatchOptions = {
  /** Annotators assigned to the document(s), including any who annotated nothing. */
  annotators?: readonly string[];
};

export function matchSpans(annotations: readonly LayerAnnotation[], options: MatchOptions = {}): SpanGroup[] {
  const groups: SpanGroup[] = [];
  for (const [documentId, inDocument] of byDocument(annotations)) {
    const annotators = documentAnnotators(inDocument, options);
    const spans = inDocument.filter(isSpanAnnotation);
    spans.forEach((s) => assertValidOffsets(s.start, s.end, `annotation ${s.id}`));
    spans.sort(compareSpans);
    const memberLists = groupSpans(spans);
    const documentGroups = memberLists.map((members) => describeSpanGroup(documentId, members, annotators));
    documentGroups.sort((x, y) => x.start - y.start || compareText(x.type, y.type) || x.end - y.end || compareText(x.members[0]?.id ?? "", y.members[0]?.id ?? ""));
    groups.push(...withUniqueKeys(documentGroups));
  }
  return groups;
}

export function matchSentenceLabels(annotations: readonly LayerAnnotation[], options: MatchOptions = {}): SentenceLabelGroup[] {
  const groups: SentenceLabelGroup[] = [];
  for (const [documentId, inDocument] of byDocument(annotations)) {
    const annotators = documentAnnotators(inDocument, options);
    const labels = inDocument.filter(isSentenceAnnotation);
    for (const label of labels) {
      if (!Number.isInteger(label.sentenceIndex) || label.sentenceIndex < 0) {
        throw new RangeError(`annotation ${label.id} has invalid sentenceIndex ${label.sentenceIndex}: need a non-negative integer`);
      }
    }
    labels.sort((x, y) => x.sentenceIndex - y.sentenceIndex || compareText(x.type, y.type) || compareText(x.annotatorId, y.annotatorId) || compareText(x.id, y.id));
    // Same sentence and type → one group; an annotator's k-th duplicate joins the k-th group.
    const buckets = new Map<string, LayerAnnotation[][]>();
    // Sorted, so an annotator's duplicates are adjacent: count them as a run.
    let occurrence = 0;
    labels.forEach((label, k) => {
      const slot = `${label.sentenceIndex}\u0000${label.type}`;
      const previous = labels[k - 1];
      const repeat = previous !== undefined && previous.sentenceIndex === label.sentenceIndex && previous.type === label.type && previous.annotatorId === label.annotatorId;
      occurrence = repeat ? occurrence + 1 : 0;
      let lists = buckets.get(slot);
      if (!lists) buckets.set(slot, (lists = []));
      const list = lists[occurrence];
      if (list) list.push(label);
      else lists.push([label]);
    });
    const documentGroups: SentenceLabelGroup[] = [];
    for (const lists of buckets.values()) {
      for (const members of lists) {
        const first = members[0] as LayerAnnotation & { sentenceIndex: number };
        const missingAnnotators = annotators.filter((a) => !members.some((m) => m.annotatorId === a));
        const differences: SentenceLabelGroup["differences"] = [
          ...(missingAnnotators.length > 0 ? (["missing"] as const) : []),
          ...differingAttributes(members.map((m) => m.attributes)).map((name) => `attribute:${name}` as const),
        ];
        documentGroups.push({
          key: `sentence:${first.sentenceIndex}:${first.type}`,
          documentId,
          sentenceIndex: first.sentenceIndex,
          type: first.type,
          members,
          missingAnnotators,
          agreed: differences.length === 0,
          differences,
        });
      }
    }
    groups.push(...withUniqueKeys(documentGroups));
  }
  return groups;
}

/** Documents in id order, so output order never depends on input order. */
function byDocument(annotations: readonly LayerAnnotation[]): Array<[string, LayerAnnotation[]]> {
  const documents = new Map<string, LayerAnnotation[]>();
  for (const annotation of annotations) {
    const list = documents.get(annotation.documentId);
    if (list) list.push(annotation);
    else documents.set(annotation.documentId, [annotation]);
  }
  return [...documents.entries()].sort(([x], [y]) => compareText(x, y));
}

function documentAnnotators(annotations: readonly LayerAnnotation[], options: MatchOptions): string[] {
  return [...new Set([...(options.annotators ?? []), ...annotations.map((a) => a.annotatorId)])].sort(compareText);
}

function compareSpans(x: SpanAnnotation, y: SpanAnnotation): number {
  return x.start - y.start || x.end - y.end || compareText(x.type, y.type) || compareText(gapKey(x.gaps), gapKey(y.gaps)) || compareText(x.annotatorId, y.annotatorId) || compareText(x.id, y.id);
}

/** Code-unit order, independent of the runtime's locale. */
function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The matching rule described at the top of the file; `spans` must be sorted by compareSpans. */
function groupSpans(spans: readonly SpanAnnotation[]): SpanAnnotation[][] {
  // Phase 1: exact groups. An annotator's k-th span with given type and offsets joins the k-th
  // group of those offsets (the first without that annotator). parent[] is a union-find forest.
  const parent: number[] = [];
  const members = new Map<number, SpanAnnotation[]>();
  const groupsOfSlot = new Map<string, number[]>();
  // Sorted by compareSpans, so an annotator's identical spans are adjacent: count them as a run.
  let occurrence = 0;
  spans.forEach((span, i) => {
    const slot = `${span.type}\u0000${span.start}\u0000${span.end}\u0000${gapKey(span.gaps)}`;
    const previous = spans[i - 1];
    const repeat =
      previous !== undefined && previous.start === span.start && previous.end === span.end && gapKey(previous.gaps) === gapKey(span.gaps) &&
      previous.type === span.type && previous.annotatorId === span.annotatorId;
    occurrence = repeat ? occurrence + 1 : 0;
    let roots = groupsOfSlot.get(slot);
    if (!roots) groupsOfSlot.set(slot, (roots = []));
    const root = roots[occurrence];
    if (root === undefined) {
      parent[i] = i;
      members.set(i, [span]);
      roots.push(i);
    } else {
      parent[i] = root;
      members.get(root)?.push(span);
    }
  });
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };

  // Phase 2: overlap candidates from a sweep (see overlap-candidates.ts). Left out are pairs of one
  // annotator and pairs with identical offsets: neither could ever merge (two groups of the same
  // offsets always share the annotator that opened the later one).
  const candidates: CandidatePair[] = [];
  const owned = spans.map((s) => ({ type: s.type, owner: s.annotatorId, start: s.start, end: s.end, key: gapKey(s.gaps) }));
  forEachOverlapCandidate(owned, (i, j) => {
    const x = spans[i] as SpanAnnotation;
    const y = spans[j] as SpanAnnotation;
    candidates.push({ i, j, overlap: overlapLength(x, y), union: Math.max(x.end, y.end) - x.start, lowStart: x.start, highStart: y.start, lowEnd: Math.min(x.end, y.end) });
  });
  candidates.sort(compareCandidates);
  for (const { i, j } of candidates) {
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) continue;
    const a = members.get(ri) ?? [];
    const b = members.get(rj) ?? [];
    if (a.some((m) => b.some((n) => n.annotatorId === m.annotatorId))) continue;
    if (!a.every((m) => b.every((n) => overlapLength(m, n) > 0))) continue;
    const [keep, drop] = ri < rj ? [ri, rj] : [rj, ri];
    parent[drop] = keep;
    members.set(keep, [...a, ...b]);
    members.delete(drop);
  }
  return [...members.values()];
}

function describeSpanGroup(documentId: string, unsorted: SpanAnnotation[], annotators: readonly string[]): SpanGroup {
  const members = [...unsorted].sort((x, y) => compareText(x.annotatorId, y.annotatorId) || compareText(x.id, y.id));
  const votes = new Map<string, { start: number; end: number; count: number }>();
  for (const m of members) {
    const slot = `${m.start}:${m.end}:${gapKey(m.gaps)}`;
    const entry = votes.get(slot) ?? { start: m.start, end: m.end, count: 0 };
    entry.count += 1;
    votes.set(slot, entry);
  }
  const [chosen] = [...votes.values()].sort((x, y) => y.count - x.count || x.start - y.start || x.end - y.end);
  const first = members[0] as SpanAnnotation;
  const { start, end } = chosen ?? first;
  const missingAnnotators = annotators.filter((a) => !members.some((m) => m.annotatorId === a));
  const differences: GroupDifference[] = [
    ...(votes.size > 1 ? (["boundaries"] as const) : []),
    ...(missingAnnotators.length > 0 ? (["missing"] as const) : []),
    ...differingAttributes(members.map((m) => m.attributes)).map((name) => `attribute:${name}` as const),
  ];
  return {
    key: `${first.type}:${start}:${end}`,
    documentId,
    type: first.type,
    start,
    end,
    members,
    missingAnnotators,
    agreed: differences.length === 0,
    differences,
  };
}

/** Appends #2, #3… to keys already used in the same document, in output order. */
function withUniqueKeys<T extends { key: string }>(groups: T[]): T[] {
  const seen = new Map<string, number>();
  return groups.map((group) => {
    const count = (seen.get(group.key) ?? 0) + 1;
    seen.set(group.key, count);
    return count === 1 ? group : { ...group, key: `${group.key}#${count}` };
  });
}
