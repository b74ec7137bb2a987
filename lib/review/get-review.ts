import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { loadReviewState } from "./load-review-state";
import type { ReviewView } from "./review-types";

/** The review of a document: every match with the annotators' versions side by side, decisions and gold. */
export async function getReview(user: AuthenticatedUser, documentId: string): Promise<ReviewView> {
  await requireDocumentPermission(user, documentId, "review.view");
  const { text: _text, charCount: _charCount, sentenceCount: _sentenceCount, labelSchema: _labelSchema, ...review } = await loadReviewState(prisma(), documentId);
  return review;
}
