import { agreementOverviewSchema, agreementRunQueuedSchema, startAgreementRunSchema } from "@/lib/validation/agreement";
import { reviewDecisionSchema } from "@/lib/validation/review";
import { recordDecisionResultSchema, reviewViewSchema, signOffResultSchema, startReviewResultSchema } from "@/lib/validation/review-view";
import type { ApiOperation } from "./types";

export const REVIEW_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/documents/{documentId}/review",
    summary: "The review: matched annotator versions side by side, differences, decisions, gold layer and the open-disagreement count",
    tag: "Review",
    access: "review.view",
    scope: "document",
    response: reviewViewSchema,
  },
  {
    method: "post",
    path: "/api/v1/documents/{documentId}/review/start",
    summary: "Start reviewing (ready for review, or annotating to start early → in review); pre-accepts agreed matches into gold when the project setting is on; else 409 with details.current",
    tag: "Review",
    access: "review.act",
    scope: "document",
    response: startReviewResultSchema,
  },
  {
    method: "post",
    path: "/api/v1/documents/{documentId}/review/decisions",
    summary: "Accept, edit, reject (reason), add or override (reason) one match; version = the decision version seen (stale → 409 with details.current)",
    tag: "Review",
    access: "review.act",
    scope: "document",
    body: reviewDecisionSchema,
    response: recordDecisionResultSchema,
  },
  {
    method: "post",
    path: "/api/v1/documents/{documentId}/sign-off",
    summary: "Sign off and freeze the gold layer; 409 listing details.open while disagreements are unresolved",
    tag: "Review",
    access: "review.signOff",
    scope: "document",
    response: signOffResultSchema,
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/agreement",
    summary:
      "Inter-annotator agreement: the cached project report (alpha nominal/ordinal/interval per attribute with units, Cohen's kappa matrix, span F1 exact/overlap per type, per-annotator table) with freshness (fresh | stale with changesSince | missing) and the recompute task in progress; ?documentId= computes one document live",
    tag: "Agreement",
    access: "agreement.view",
    scope: "project",
    response: agreementOverviewSchema,
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/agreement",
    summary:
      "Recompute the project's agreement in the background: 202 with taskId (poll /api/v1/tasks/{taskId}: done/total documents); while a run is queued or running, 200 with that run's taskId and created: false. Body optional ({} only)",
    tag: "Agreement",
    access: "agreement.compute",
    scope: "project",
    body: startAgreementRunSchema,
    response: agreementRunQueuedSchema,
    successStatus: 202,
  },
];
