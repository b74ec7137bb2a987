/**
 * The review model of one document, pure: annotator versions grouped by matchSpans /
 * matchSentenceLabels, each group joined with the reviewer's decision and the gold annotation it
 * produced. Decisions whose key matches no current group (reviewer additions, or a group that
 * changed after the decision) are listed too, so no gold annotation is ever hidden.
 */
import type { LayerAnnotation } from "@/lib/agreement/layer-annotation";
import { withSpeakerSet } from "@/lib/speakers/speaker-list";
import { attributesWithHolders } from "@/lib/stance/stance-holder";
import { matchSentenceLabels, matchSpans } from "./match-spans";
import type { ReviewAnnotationView, ReviewDecisionView, ReviewMatchView } from "./review-types";

export type ReviewModelInput = {
  documentId: string;
  /** Annotator-layer annotations of the document. */
  annotations: readonly ReviewAnnotationView[];
  /** Annotators assigned to the document, including any who annotated nothing. */
  annotatorIds: readonly string[];
  decisions: readonly ReviewDecisionView[];
  gold: readonly ReviewAnnotationView[];
  /** Sentence index → start offset, to place sentence-label matches among spans. */
  sentenceStarts?: ReadonlyMap<number, number>;
};

/**
 * The DB speaker column (with any further speakers, compared as a set) is compared as
 * `attributes.speaker = { id }` (see layer-annotation.ts and lib/speakers/speaker-list.ts);
 * stance entries get their holder's default, so a stance agrees only when its holder does too.
 */
export function toLayerAnnotation(documentId: string, a: ReviewAnnotationView): LayerAnnotation {
  const attributes = attributesWithHolders(withSpeakerSet(a.attributes, a.speaker?.id ?? null), a.type);
  return { id: a.id, documentId, annotatorId: a.authorId, type: a.type, start: a.start, end: a.end, ...(a.gaps ? { gaps: a.gaps } : {}), sentenceIndex: a.sentenceIndex, attributes };
}

export function buildReviewMatches(input: ReviewModelInput): ReviewMatchView[] {
  const byId = new Map(input.annotations.map((a) => [a.id, a]));
  const goldById = new Map(input.gold.map((g) => [g.id, g]));
  const decisions = new Map(input.decisions.map((d) => [d.matchKey, d]));
  const layer = input.annotations.map((a) => toLayerAnnotation(input.documentId, a));
  const options = { annotators: input.annotatorIds };
  const versionsOf = (members: readonly LayerAnnotation[]) => members.map((m) => byId.get(m.id)).filter((v): v is ReviewAnnotationView => v !== undefined);
  const joined = (key: string) => {
    const decision = decisions.get(key) ?? null;
    decisions.delete(key);
    const gold = decision?.goldAnnotationId ? (goldById.get(decision.goldAnnotationId) ?? null) : null;
    return { decision, gold };
  };

  const matches: ReviewMatchView[] = [];
  for (const group of matchSpans(layer, options)) {
    const { decision, gold } = joined(group.key);
    matches.push({
      key: group.key, kind: "span", source: "annotators", type: group.type, start: group.start, end: group.end, sentenceIndex: null,
      agreed: group.agreed, differences: group.differences, missingAnnotators: group.missingAnnotators,
      versions: versionsOf(group.members), decision, gold, open: !group.agreed && decision === null,
    });
  }
  for (const group of matchSentenceLabels(layer, options)) {
    const { decision, gold } = joined(group.key);
    matches.push({
      key: group.key, kind: "sentence", source: "annotators", type: group.type, start: null, end: null, sentenceIndex: group.sentenceIndex,
      agreed: group.agreed, differences: group.differences, missingAnnotators: group.missingAnnotators,
      versions: versionsOf(group.members), decision, gold, open: !group.agreed && decision === null,
    });
  }
  // What is left: decisions without a current group.
  for (const decision of decisions.values()) {
    if (decision.matchKey.startsWith("relation:")) continue; // relation decisions: lib/relations/review-relations.ts
    const gold = decision.goldAnnotationId ? (goldById.get(decision.goldAnnotationId) ?? null) : null;
    const isSentence = gold ? gold.sentenceIndex !== null : decision.matchKey.startsWith("sentence:");
    matches.push({
      key: decision.matchKey, kind: isSentence ? "sentence" : "span", source: "reviewer", type: gold?.type ?? "",
      start: gold?.start ?? null, end: gold?.end ?? null, sentenceIndex: gold?.sentenceIndex ?? null,
      agreed: false, differences: [], missingAnnotators: [], versions: [], decision, gold, open: false,
    });
  }

  const position = (m: ReviewMatchView) => m.start ?? (m.sentenceIndex !== null ? (input.sentenceStarts?.get(m.sentenceIndex) ?? 0) : 0);
  return matches.sort((x, y) => position(x) - position(y) || (x.kind === y.kind ? 0 : x.kind === "sentence" ? -1 : 1) || (x.end ?? 0) - (y.end ?? 0) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

export function countMatches(matches: readonly ReviewMatchView[]) {
  const fromAnnotators = matches.filter((m) => m.source === "annotators");
  return {
    matches: matches.length,
    agreed: fromAnnotators.filter((m) => m.agreed).length,
    disagreements: fromAnnotators.filter((m) => !m.agreed).length,
    open: matches.filter((m) => m.open).length,
    decided: matches.filter((m) => m.decision !== null).length,
  };
}
