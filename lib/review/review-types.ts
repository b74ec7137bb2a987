// Shapes of the review endpoints, shared by the server and the review page: inferred from the
// response schemas, so the API, its OpenAPI document and both ends cannot drift apart.
import type { z } from "@/lib/validation/zod";
import type {
  openMatchSchema,
  recordDecisionResultSchema,
  reviewAnnotationViewSchema,
  reviewDecisionViewSchema,
  reviewMatchViewSchema,
  reviewViewSchema,
  signOffResultSchema,
  startReviewResultSchema,
} from "@/lib/validation/review-view";

export type ReviewAnnotationView = z.infer<typeof reviewAnnotationViewSchema>;
export type ReviewDecisionView = z.infer<typeof reviewDecisionViewSchema>;
export type ReviewMatchView = z.infer<typeof reviewMatchViewSchema>;
export type ReviewView = z.infer<typeof reviewViewSchema>;
export type StartReviewResult = z.infer<typeof startReviewResultSchema>;
export type SignOffResult = z.infer<typeof signOffResultSchema>;
export type RecordDecisionResult = z.infer<typeof recordDecisionResultSchema>;
export type OpenMatch = z.infer<typeof openMatchSchema>;
