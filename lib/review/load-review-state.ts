import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { entityTypeName } from "@/lib/entities/entity-dto";
import { projectSettingsOf } from "@/lib/projects/settings";
import { gapsOf } from "@/lib/spans/span-gaps";
import { CodePointIndex } from "@/lib/text/code-points";
import { buildReviewMatches, countMatches } from "./build-review-matches";
import type { ReviewAnnotationView, ReviewDecisionView, ReviewView } from "./review-types";

export type Db = PrismaClient | Prisma.TransactionClient;

const annotationSelect = {
  id: true, layer: true, authorId: true, type: true, start: true, end: true, gaps: true, sentenceIndex: true,
  attributes: true, origin: true, version: true, speaker: { select: { id: true, name: true, type: true } },
} as const;

type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

export function annotationView(row: AnnotationRow, text: CodePointIndex & { source: string }): ReviewAnnotationView {
  const isSpan = row.start !== null && row.end !== null;
  const gaps = gapsOf(row.gaps);
  return {
    id: row.id,
    layer: row.layer === "GOLD" ? "gold" : "annotator",
    authorId: row.authorId,
    type: row.type,
    start: row.start,
    end: row.end,
    ...(gaps ? { gaps } : {}),
    sentenceIndex: row.sentenceIndex,
    attributes: (row.attributes ?? {}) as Record<string, unknown>,
    speaker: row.speaker ? { id: row.speaker.id, name: row.speaker.name, type: entityTypeName(row.speaker.type) } : null,
    origin: row.origin,
    version: row.version,
    text: isSpan ? text.source.slice(text.toUtf16(row.start as number), text.toUtf16(row.end as number)) : null,
  };
}

/**
 * Everything the review needs about one document, read through `db` (inside a transaction when
 * the caller is about to write, so the groups it computes are the ones it writes against).
 */
export async function loadReviewState(db: Db, documentId: string): Promise<ReviewView & { text: string; charCount: number; sentenceCount: number; labelSchema: unknown }> {
  const document = await db.document.findUniqueOrThrow({
    where: { id: documentId },
    select: {
      id: true, projectId: true, title: true, state: true, version: true, signedOffAt: true, signedOffById: true, text: true,
      charCount: true, sentenceCount: true,
      project: { select: { settings: true, labelSchema: true } },
    },
  });
  // Sequential, one relation per query: inside an interactive transaction they share one
  // connection, and Prisma would fetch two included relations concurrently on it.
  const sentences = await db.sentence.findMany({ where: { documentId }, select: { index: true, start: true } });
  const assignments = await db.assignment.findMany({ where: { documentId, role: "ANNOTATOR" }, select: { userId: true } });
  const rows = await db.annotation.findMany({ where: { documentId }, select: annotationSelect, orderBy: [{ start: "asc" }, { id: "asc" }] });
  const decisionRows = await db.reviewDecision.findMany({ where: { documentId }, orderBy: { matchKey: "asc" } });
  const text = Object.assign(new CodePointIndex(document.text), { source: document.text });
  const views = rows.map((row) => annotationView(row, text));
  const annotations = views.filter((v) => v.layer === "annotator");
  const gold = views.filter((v) => v.layer === "gold");
  const annotatorIds = [...new Set([...assignments.map((a) => a.userId), ...annotations.map((a) => a.authorId)])].sort();
  const users = await db.user.findMany({ where: { id: { in: annotatorIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const decisions: ReviewDecisionView[] = decisionRows.map((d) => ({
    matchKey: d.matchKey,
    decision: d.decision as ReviewDecisionView["decision"],
    reason: d.reason,
    reviewerId: d.reviewerId,
    goldAnnotationId: d.goldAnnotationId,
    version: d.version,
    updatedAt: d.updatedAt.toISOString(),
  }));
  const matches = buildReviewMatches({
    documentId,
    annotations,
    annotatorIds,
    decisions,
    gold,
    sentenceStarts: new Map(sentences.map((s) => [s.index, s.start])),
  });
  return {
    document: {
      id: document.id,
      projectId: document.projectId,
      title: document.title,
      state: document.state,
      version: document.version,
      signedOffAt: document.signedOffAt?.toISOString() ?? null,
      signedOffById: document.signedOffById,
    },
    annotators: annotatorIds.map((id) => ({ id, name: names.get(id) ?? "Unknown user" })),
    preAcceptAgreed: projectSettingsOf(document.project.settings).preAcceptAgreed,
    matches,
    gold,
    counts: countMatches(matches),
    text: document.text,
    charCount: document.charCount,
    sentenceCount: document.sentenceCount,
    labelSchema: document.project.labelSchema,
  };
}
