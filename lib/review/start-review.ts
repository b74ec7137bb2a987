import "server-only";
import crypto from "node:crypto";
import { auditJson, type AnnotationDto } from "@/lib/annotations/annotation-dto";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { documentTransition } from "@/lib/workflow/state-machine";
import { autoAcceptRelations } from "@/lib/relations/review-relations";
import { lockDocument } from "@/lib/workflow/transaction";
import { loadReviewState } from "./load-review-state";
import { insertAutoAccepted, type AutoAccepted } from "./insert-auto-accepted";
import type { StartReviewResult } from "./review-types";

export type { StartReviewResult };

/**
 * READY_FOR_REVIEW (or ANNOTATING, starting early) → IN_REVIEW. With the project setting
 * preAcceptAgreed on, every agreed match without a decision is copied into the gold layer
 * (origin "review:auto") with an "auto" decision, all in the same transaction as the state change
 * (audited as `document.state`, the action the workflow timeline reads for every state change).
 */
export async function startReview(user: AuthenticatedUser, documentId: string): Promise<StartReviewResult> {
  await requireDocumentPermission(user, documentId, "review.act");
  return prisma().$transaction(
    async (tx) => {
      const { state, projectId } = await lockDocument(tx, documentId);
      // The workflow's transition table decides (409 with details.current otherwise).
      documentTransition(state, "startReview");
      const review = await loadReviewState(tx, documentId);
      await tx.document.update({ where: { id: documentId }, data: { state: "IN_REVIEW", version: { increment: 1 } } });
      const early = state === "ANNOTATING";
      await tx.auditEvent.create({
        data: { projectId, documentId, actorId: user.id, action: "document.state", before: { state }, after: { state: "IN_REVIEW", event: "startReview", early } },
      });
      if (!review.preAcceptAgreed) return { state: "IN_REVIEW" as const, early, autoAccepted: 0 };

      const agreed = review.matches.filter((m) => m.source === "annotators" && m.agreed && m.decision === null && m.versions.length > 0);
      const now = new Date().toISOString();
      const golds: AutoAccepted[] = agreed.map((match) => {
        const version = match.versions[0]!;
        const id = crypto.randomUUID();
        // The audit snapshot is the annotation DTO, as for every annotation write (lib/annotations).
        const dto: AnnotationDto = {
          id, documentId, layer: "gold", authorId: user.id, type: version.type, start: version.start, end: version.end, ...(version.gaps ? { gaps: version.gaps } : {}),
          sentenceIndex: version.sentenceIndex,
          text: version.text, attributes: version.attributes, speaker: version.speaker, origin: "review:auto", version: 1, updatedAt: now,
        };
        return {
          matchKey: match.key,
          gold: { id, type: version.type, start: version.start, end: version.end, gaps: version.gaps ?? null, sentenceIndex: version.sentenceIndex, attributes: version.attributes, speakerId: version.speaker?.id ?? null },
          audit: auditJson(dto),
        };
      });
      await insertAutoAccepted(tx, { projectId, documentId, reviewerId: user.id }, golds);
      await autoAcceptRelations(tx, { projectId, documentId, reviewerId: user.id });
      return { state: "IN_REVIEW" as const, early, autoAccepted: golds.length };
    },
    { timeout: 60_000 },
  );
}
