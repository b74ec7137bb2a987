import { relationMatchViewSchema, relationReviewSchema } from "@/lib/validation/relation-review";
import type { reviewDecisionSchema } from "@/lib/validation/review";
import { openMatchSchema, recordDecisionResultSchema, reviewViewSchema, signOffResultSchema, startReviewResultSchema } from "@/lib/validation/review-view";
import { z } from "@/lib/validation/zod";
import { ApiError } from "./api-error";
import { apiRequest } from "./request";

const enc = encodeURIComponent;
const review = (documentId: string) => `/api/v1/documents/${enc(documentId)}/review`;
const OFFLINE = "Could not reach the server; check your connection and try again.";

/** The `/api/v1` calls of the review page, typed by their response schemas. */
export const reviewApi = {
  get: (documentId: string) => apiRequest(review(documentId), { schema: reviewViewSchema, fallback: "The review could not be loaded.", offline: OFFLINE }),

  start: (documentId: string) => apiRequest(`${review(documentId)}/start`, { json: {}, schema: startReviewResultSchema, fallback: "The review could not be started.", offline: OFFLINE }),

  signOff: (documentId: string) =>
    apiRequest(`/api/v1/documents/${enc(documentId)}/sign-off`, { json: {}, schema: signOffResultSchema, fallback: "The document could not be signed off.", offline: OFFLINE }),

  decide: (documentId: string, decision: z.input<typeof reviewDecisionSchema>) =>
    apiRequest(`${review(documentId)}/decisions`, { json: decision, schema: recordDecisionResultSchema, fallback: "The decision was not saved.", offline: OFFLINE }),

  relations: (documentId: string) => apiRequest(`${review(documentId)}/relations`, { schema: relationReviewSchema, fallback: "The relations could not be loaded.", offline: OFFLINE }),

  decideRelation: (documentId: string, body: { key: string; decision: "accept" | "reject"; version: number }) =>
    apiRequest(`${review(documentId)}/relations`, { json: body, schema: relationMatchViewSchema, fallback: "The relation decision was not saved.", offline: OFFLINE }),
};

/** The disagreements a refused sign-off lists in `details.open` (none when the error is another). */
export function openMatchesOf(error: unknown) {
  if (!(error instanceof ApiError)) return [];
  const parsed = z.array(openMatchSchema).safeParse(error.details.open);
  return parsed.success ? parsed.data : [];
}
