import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { documentTransition } from "@/lib/workflow/state-machine";
import { lockDocument } from "@/lib/workflow/transaction";
import { loadReviewState } from "./load-review-state";
import type { SignOffResult } from "./review-types";

export type { SignOffResult };

/**
 * IN_REVIEW → SIGNED_OFF once every disagreement has a decision (resolved or overridden with a
 * reason); otherwise 409 listing the open ones in details.open. Freezes the gold layer: review
 * decisions on a signed-off document are refused until a manager reopens it.
 */
export async function signOffDocument(user: AuthenticatedUser, documentId: string): Promise<SignOffResult> {
  await requireDocumentPermission(user, documentId, "review.signOff");
  return prisma().$transaction(
    async (tx) => {
      const { state, projectId } = await lockDocument(tx, documentId);
      documentTransition(state, "signOff");
      const review = await loadReviewState(tx, documentId);
      const open = review.matches.filter((m) => m.open);
      if (open.length > 0) {
        throw new AppError("conflict", `${open.length} disagreement${open.length === 1 ? " is" : "s are"} still open; resolve or override ${open.length === 1 ? "it" : "them"} before signing off.`, {
          details: {
            current: state,
            open: open.map((m) => ({ matchKey: m.key, kind: m.kind, type: m.type, start: m.start, end: m.end, sentenceIndex: m.sentenceIndex, differences: m.differences })),
          },
        });
      }
      const signedOffAt = new Date();
      await tx.document.update({ where: { id: documentId }, data: { state: "SIGNED_OFF", signedOffAt, signedOffById: user.id, version: { increment: 1 } } });
      await tx.auditEvent.create({
        data: {
          projectId, documentId, actorId: user.id, action: "document.sign_off",
          before: { state }, after: { state: "SIGNED_OFF", signedOffAt: signedOffAt.toISOString(), signedOffById: user.id, gold: review.gold.length },
        },
      });
      return { state: "SIGNED_OFF" as const, signedOffAt: signedOffAt.toISOString(), signedOffById: user.id, gold: review.gold.length };
    },
    { timeout: 30_000 },
  );
}
