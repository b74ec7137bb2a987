import "server-only";
import { gapKey } from "@/lib/spans/span-gaps";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { reviewDecisionSchema, type ReviewAnnotationInput } from "@/lib/validation/review";
import { lockDocument } from "@/lib/workflow/transaction";
import { canonicalJson } from "./canonical-json";
import { checkGoldAnnotation } from "./check-gold-annotation";
import { loadReviewState } from "./load-review-state";
import { documentStateError } from "./review-state-error";
import type { RecordDecisionResult, ReviewAnnotationView, ReviewDecisionView } from "./review-types";
import { setGold, type GoldContent } from "./write-gold";

export type { RecordDecisionResult };

const fromVersion = (v: ReviewAnnotationView, origin: string): GoldContent => ({
  type: v.type, start: v.start, end: v.end, gaps: v.gaps ?? null, sentenceIndex: v.sentenceIndex, attributes: v.attributes, speakerId: v.speaker?.id ?? null, origin,
});
const fromInput = (a: ReviewAnnotationInput, checked: { attributes: Record<string, unknown>; speakerId: string | null }, origin: string): GoldContent => ({
  type: a.type, start: a.start ?? null, end: a.end ?? null, gaps: a.start === undefined ? null : (a.gaps ?? null), sentenceIndex: a.start === undefined ? (a.sentenceIndex ?? null) : null,
  attributes: checked.attributes, speakerId: checked.speakerId, origin,
});
/** Whether the stored gold annotation already has the target's content (undefined target: kept as is). */
function sameGold(gold: ReviewAnnotationView | null, target: GoldContent | null | undefined): boolean {
  if (target === undefined) return true;
  if (!gold || !target) return !gold && !target;
  return (
    gold.type === target.type && gold.start === target.start && gold.end === target.end && gapKey(gold.gaps) === gapKey(target.gaps) &&
    gold.sentenceIndex === target.sentenceIndex &&
    (gold.speaker?.id ?? null) === target.speakerId && canonicalJson(gold.attributes) === canonicalJson(target.attributes)
  );
}

const fieldError = (field: string, message: string) =>
  new AppError("validation_failed", `Invalid input — ${field}: ${message}`, { details: { fields: { [field]: [message] } } });

/**
 * Records the reviewer's decision on one match and makes its gold annotation follow:
 * accept → a copy of the chosen annotator version; edit / add → the reviewer's annotation;
 * reject → no gold; override (reason required) → the given version or annotation, else gold unchanged.
 *
 * Concurrency: the document row is locked for the transaction, so decisions on one document are
 * applied one at a time; each decision carries the version the reviewer saw, and a stale version
 * (someone else decided first) is refused with 409 and the current decision, never overwritten.
 */
export async function recordReviewDecision(user: AuthenticatedUser, documentId: string, input: unknown): Promise<RecordDecisionResult> {
  await requireDocumentPermission(user, documentId, "review.act");
  const data = parseOrThrow(reviewDecisionSchema, input);
  return prisma().$transaction(
    async (tx) => {
      const { state, projectId } = await lockDocument(tx, documentId);
      if (state !== "IN_REVIEW") throw documentStateError("record a review decision", state);
      const review = await loadReviewState(tx, documentId);
      const match = review.matches.find((m) => m.key === data.matchKey);

      if (data.decision === "add") {
        if (match?.source === "annotators") throw fieldError("matchKey", "names a match of the annotators; use accept, edit or reject for it");
      } else if (!match) {
        throw new AppError("not_found", `This document has no match "${data.matchKey}".`);
      }
      const current = match?.decision ?? null;

      let chosen: ReviewAnnotationView | undefined;
      if (data.annotatorAnnotationId) {
        chosen = match?.versions.find((v) => v.id === data.annotatorAnnotationId);
        if (!chosen) throw fieldError("annotatorAnnotationId", "is not one of this match's annotator versions");
      }
      const checked = data.annotation ? await checkGoldAnnotation(tx, { projectId, ...review }, data.annotation) : null;

      const previousGold = current?.goldAnnotationId ?? null;
      // What the gold annotation should become; undefined = left as it is (override without content).
      const target: GoldContent | null | undefined =
        data.decision === "accept" ? fromVersion(chosen as ReviewAnnotationView, "review:accept")
        : data.decision === "edit" || data.decision === "add" ? fromInput(data.annotation as ReviewAnnotationInput, checked!, `review:${data.decision}`)
        : data.decision === "reject" ? null
        : chosen ? fromVersion(chosen, "review:override")
        : data.annotation && checked ? fromInput(data.annotation, checked, "review:override")
        : undefined;
      // Confirming the decision already recorded (a second click, a retried request with the old
      // version) changes nothing and records nothing, as for suggestion decisions.
      if (current && current.decision === data.decision && (current.reason ?? null) === (data.reason ?? null) && sameGold(match?.gold ?? null, target)) {
        return { decision: current, gold: previousGold ? { id: previousGold } : null };
      }
      if ((data.version ?? 0) !== (current?.version ?? 0)) {
        throw new AppError("stale_version", "Another reviewer changed this decision; review the current one and try again.", {
          details: { current, gold: match?.gold ?? null },
        });
      }
      const ctx = { projectId, documentId, actorId: user.id, text: review.text };
      const goldId = target === undefined ? previousGold : await setGold(tx, ctx, previousGold, target);

      const values = { decision: data.decision, reason: data.reason ?? null, goldAnnotationId: goldId, reviewerId: user.id };
      const saved = current
        ? await tx.reviewDecision.update({ where: { documentId_matchKey: { documentId, matchKey: data.matchKey } }, data: { ...values, version: { increment: 1 } } })
        : await tx.reviewDecision.create({ data: { ...values, documentId, matchKey: data.matchKey } });
      const decision: ReviewDecisionView = {
        matchKey: saved.matchKey, decision: data.decision, reason: saved.reason, reviewerId: saved.reviewerId,
        goldAnnotationId: saved.goldAnnotationId, version: saved.version, updatedAt: saved.updatedAt.toISOString(),
      };
      await tx.auditEvent.create({
        data: {
          projectId, documentId, annotationId: goldId ?? previousGold, actorId: user.id, action: "review.decision",
          before: (current ?? undefined) as Prisma.InputJsonValue | undefined,
          after: { ...decision, annotatorAnnotationId: data.annotatorAnnotationId ?? null },
        },
      });
      return { decision, gold: goldId ? { id: goldId } : null };
    },
    { timeout: 30_000 },
  );
}
