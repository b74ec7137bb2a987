import { reviewDecisionSchema } from "@/lib/validation/review";
import type { ApiOperation } from "./types";

export const REVIEW_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/documents/{documentId}/review",
    summary: "The review: matched annotator versions side by side, differences, decisions, gold layer and the open-disagreement count",
    tag: "Review",
    access: "review.view",
    scope: "document",
  },
  {
    method: "post",
    path: "/api/v1/documents/{documentId}/review/start",
    summary: "Start reviewing (ready for review, or annotating to start early → in review); pre-accepts agreed matches into gold when the project setting is on; else 409 with details.current",
    tag: "Review",
    access: "review.act",
    scope: "document",
  },
  {
    method: "post",
    path: "/api/v1/documents/{documentId}/review/decisions",
    summary: "Accept, edit, reject (reason), add or override (reason) one match; version = the decision version seen (stale → 409 with details.current)",
    tag: "Review",
    access: "review.act",
    scope: "document",
    body: reviewDecisionSchema,
  },
  {
    method: "post",
    path: "/api/v1/documents/{documentId}/sign-off",
    summary: "Sign off and freeze the gold layer; 409 listing details.open while disagreements are unresolved",
    tag: "Review",
    access: "review.signOff",
    scope: "document",
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/agreement",
    summary: "Inter-annotator agreement (?documentId= for one document): alpha nominal/ordinal/interval per attribute with units, Cohen's kappa matrix, span F1 exact/overlap per type, per-annotator table",
    tag: "Agreement",
    access: "agreement.view",
    scope: "project",
  },
];
