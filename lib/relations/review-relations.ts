import "server-only";
import crypto from "node:crypto";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { prismaSql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadReviewState, type Db } from "@/lib/review/load-review-state";
import { documentStateError } from "@/lib/review/review-state-error";
import type { ReviewMatchView } from "@/lib/review/review-types";
import { parseOrThrow } from "@/lib/validation/parse";
import { relationDecisionSchema, type RelationMatchView, type RelationReview } from "@/lib/validation/relation-review";
import { lockDocument } from "@/lib/workflow/transaction";
import { matchRelations, relationF1, type LayerRelation } from "./relation-matches";
import { auditRelation, deleteRelationRow, insertRelation } from "./relation-rows";
import { toRelationDto } from "./list-relations";

const RELATION_SELECT = { id: true, documentId: true, layer: true, authorId: true, type: true, fromId: true, toId: true, origin: true, version: true, updatedAt: true } as const;

/** The relation matches of a document's review, on `db` (the caller's transaction when there is one). */
export async function relationReview(db: Db, documentId: string) {
  const review = await loadReviewState(db, documentId);
  const rows = await db.annotationRelation.findMany({ where: { documentId }, select: RELATION_SELECT, orderBy: { id: "asc" } });
  const decisions = await db.reviewDecision.findMany({ where: { documentId, matchKey: { startsWith: "relation:" } } });
  const spanMatches = review.matches.filter((m) => m.kind === "span" && m.source === "annotators");
  const byKey = new Map(spanMatches.map((m) => [m.key, m]));
  const groupOf = new Map(spanMatches.flatMap((m) => m.versions.map((v) => [v.id, m.key] as const)));
  const layer: LayerRelation[] = rows.filter((r) => r.layer === "ANNOTATOR").map((r) => ({ id: r.id, annotatorId: r.authorId, type: r.type, fromId: r.fromId, toId: r.toId }));
  const annotatorIds = review.annotators.map((a) => a.id);
  const matches = matchRelations(layer, groupOf, annotatorIds);
  const gold = rows.filter((r) => r.layer === "GOLD");
  const end = (key: string) => {
    const m = byKey.get(key) as ReviewMatchView;
    return { matchKey: key, type: m.type, start: m.start, end: m.end, text: m.gold?.text ?? m.versions[0]?.text ?? null, goldAnnotationId: m.gold?.id ?? null };
  };
  const items: RelationMatchView[] = matches.map((m) => {
    const from = end(m.fromGroup);
    const to = end(m.toGroup);
    const decision = decisions.find((d) => d.matchKey === m.key);
    const goldRelation = gold.find((g) => g.type === m.type && g.fromId === from.goldAnnotationId && g.toId === to.goldAnnotationId);
    return {
      key: m.key, type: m.type, from, to, agreed: m.agreed,
      annotators: m.members.map((x) => x.annotatorId), missingAnnotators: m.missingAnnotators,
      decision: decision ? { decision: decision.decision as "auto" | "accept" | "reject", reviewerId: decision.reviewerId, version: decision.version } : null,
      goldRelationId: goldRelation?.id ?? null,
    };
  });
  return { review, items, gold, f1: relationF1(matches, annotatorIds).f1 };
}

/**
 * When review starts with pre-accepting on: every agreed relation whose two end matches are in
 * gold becomes a gold relation with an "auto" decision, in the start's transaction (after the
 * agreed spans went to gold). Returns how many.
 */
export async function autoAcceptRelations(tx: Prisma.TransactionClient, ctx: { projectId: string; documentId: string; reviewerId: string }): Promise<number> {
  const { items } = await relationReview(tx, ctx.documentId);
  const sql = prismaSql(tx);
  let accepted = 0;
  for (const m of items) {
    if (!m.agreed || m.decision || m.goldRelationId || !m.from.goldAnnotationId || !m.to.goldAnnotationId) continue;
    const relation = await insertRelation(sql, {
      id: crypto.randomUUID(), documentId: ctx.documentId, layer: "gold", authorId: ctx.reviewerId, type: m.type,
      fromId: m.from.goldAnnotationId, toId: m.to.goldAnnotationId, origin: "review:auto",
    });
    if (!relation) continue;
    await auditRelation(sql, { projectId: ctx.projectId, actorId: ctx.reviewerId }, "annotation.relation.create", null, relation);
    await tx.reviewDecision.create({ data: { documentId: ctx.documentId, matchKey: m.key, decision: "auto", reviewerId: ctx.reviewerId } });
    accepted++;
  }
  return accepted;
}

/** GET …/review/relations: the annotators' relations matched (type and both ends), decisions and gold links. */
export async function getRelationReview(user: AuthenticatedUser, documentId: string): Promise<RelationReview> {
  await requireDocumentPermission(user, documentId, "review.view");
  const { items, f1 } = await relationReview(prisma(), documentId);
  return { items, f1 };
}

/**
 * The reviewer accepts a relation match (a gold relation between the gold annotations of its two
 * end matches, which must be decided first) or rejects it (no gold relation). One transaction on
 * the locked document; every query through it. A stale decision version → 409.
 */
export async function decideRelation(user: AuthenticatedUser, documentId: string, input: unknown): Promise<RelationMatchView> {
  await requireDocumentPermission(user, documentId, "review.act");
  const data = parseOrThrow(relationDecisionSchema, input);
  return prisma().$transaction(
    async (tx: Prisma.TransactionClient) => {
      const { state, projectId } = await lockDocument(tx, documentId);
      if (state !== "IN_REVIEW") throw documentStateError("decide a relation", state);
      const { items, gold } = await relationReview(tx, documentId);
      const match = items.find((m) => m.key === data.key);
      if (!match) throw new AppError("not_found", `This document has no relation match "${data.key}".`);
      if ((data.version ?? 0) !== (match.decision?.version ?? 0)) {
        throw new AppError("stale_version", "Another reviewer changed this decision; review the current one and try again.", { details: { current: match } });
      }
      const sql = prismaSql(tx);
      const context = { projectId, actorId: user.id };
      if (data.decision === "accept" && !match.goldRelationId) {
        const missing = [match.from, match.to].find((e) => !e.goldAnnotationId);
        if (missing) {
          throw new AppError("conflict", `Decide the ${missing.type} span at ${missing.start}–${missing.end} first: it has no gold annotation to link.`, { details: { current: match } });
        }
        const relation = await insertRelation(sql, {
          id: crypto.randomUUID(), documentId, layer: "gold", authorId: user.id, type: match.type,
          fromId: match.from.goldAnnotationId!, toId: match.to.goldAnnotationId!, origin: "review:accept",
        });
        if (relation) await auditRelation(sql, context, "annotation.relation.create", null, relation);
      }
      if (data.decision === "reject" && match.goldRelationId) {
        const row = gold.find((g) => g.id === match.goldRelationId)!;
        await deleteRelationRow(sql, row.id, row.version);
        await auditRelation(sql, context, "annotation.relation.delete", toRelationDto(row));
      }
      const saved = await tx.reviewDecision.upsert({
        where: { documentId_matchKey: { documentId, matchKey: data.key } },
        create: { documentId, matchKey: data.key, decision: data.decision, reviewerId: user.id },
        update: { decision: data.decision, reviewerId: user.id, version: { increment: 1 } },
      });
      await tx.auditEvent.create({
        data: { projectId, documentId, actorId: user.id, action: "review.relation_decision", before: match.decision ?? undefined, after: { key: data.key, decision: data.decision, version: saved.version } },
      });
      const after = (await relationReview(tx, documentId)).items.find((m) => m.key === data.key)!;
      return after;
    },
    { timeout: 30_000 },
  );
}
