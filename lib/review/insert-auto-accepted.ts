import "server-only";
import type { AnnotationContent } from "@/lib/annotations/annotation-rows";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AutoAccepted = {
  matchKey: string;
  gold: AnnotationContent & { id: string };
  /** The annotation.create audit snapshot (the annotation DTO). */
  audit: Prisma.InputJsonObject;
};

type Context = { projectId: string; documentId: string; reviewerId: string };

/**
 * Inserts the pre-accepted gold annotations, their "auto" decisions and the audit events with
 * one INSERT … SELECT FROM unnest(arrays) per table: a long document can have thousands of agreed
 * matches, and row-by-row (or Prisma createMany) inserts made starting its review take seconds.
 */
export async function insertAutoAccepted(tx: Prisma.TransactionClient, ctx: Context, rows: readonly AutoAccepted[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.gold.id);
  await tx.$executeRaw`
    INSERT INTO annotations (id, document_id, layer, author_id, type, start, "end", gaps, sentence_index, attributes, speaker_id, origin, version, created_at, updated_at)
    SELECT a.id, ${ctx.documentId}, 'GOLD'::"AnnotationLayer", ${ctx.reviewerId}, a.type, a.start, a."end", a.gaps::jsonb, a.sentence_index, a.attributes::jsonb,
           a.speaker_id, 'review:auto', 1, now(), now()
    FROM unnest(${ids}::text[], ${rows.map((r) => r.gold.type)}::text[], ${rows.map((r) => r.gold.start)}::int[], ${rows.map((r) => r.gold.end)}::int[],
                ${rows.map((r) => r.gold.sentenceIndex)}::int[], ${rows.map((r) => JSON.stringify(r.gold.attributes))}::text[],
                ${rows.map((r) => r.gold.speakerId)}::text[], ${rows.map((r) => (r.gold.gaps?.length ? JSON.stringify(r.gold.gaps) : null))}::text[])
      AS a(id, type, start, "end", sentence_index, attributes, speaker_id, gaps)`;
  await tx.$executeRaw`
    INSERT INTO review_decisions (id, document_id, match_key, decision, gold_annotation_id, reviewer_id, version, created_at, updated_at)
    SELECT 'auto_' || d.gold_id, ${ctx.documentId}, d.match_key, 'auto', d.gold_id, ${ctx.reviewerId}, 1, now(), now()
    FROM unnest(${rows.map((r) => r.matchKey)}::text[], ${ids}::text[]) AS d(match_key, gold_id)`;
  const decisions = rows.map((r) => JSON.stringify({ matchKey: r.matchKey, decision: "auto", goldAnnotationId: r.gold.id, version: 1 }));
  // Two events per match, in order: the gold annotation's creation, then the decision.
  await tx.$executeRaw`
    INSERT INTO audit_events (project_id, document_id, annotation_id, actor_id, action, after, created_at)
    SELECT ${ctx.projectId}, ${ctx.documentId}, e.annotation_id, ${ctx.reviewerId}, e.action, e.after::jsonb, now()
    FROM unnest(${ids.flatMap((id) => [id, id])}::text[],
                ${rows.flatMap(() => ["annotation.create", "review.decision"])}::text[],
                ${rows.flatMap((r, i) => [JSON.stringify(r.audit), decisions[i]!])}::text[]) WITH ORDINALITY AS e(annotation_id, action, after, n)
    ORDER BY e.n`;
}
