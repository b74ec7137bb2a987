import { createCommentSchema } from "@/lib/validation/comments";
import { bulkAssignSchema, createAssignmentSchema, reopenDocumentSchema, returnAssignmentSchema, submitAssignmentSchema } from "@/lib/validation/workflow";
import type { ApiOperation } from "./types";

// Assignments, workflow transitions, history and comments (issue 5). Illegal transitions answer
// 409 with `error.current` (the state the assignment or document is in).
export const WORKFLOW_OPERATIONS: ApiOperation[] = [
  { method: "get", path: "/api/v1/documents/{documentId}/assignments", summary: "The document's annotator and reviewer assignments", tag: "Workflow", access: "documents.view", scope: "document" },
  {
    method: "post",
    path: "/api/v1/documents/{documentId}/assignments",
    summary: "Assign a member holding the role (400 otherwise); duplicate → 409; annotators cannot be added once review has started",
    tag: "Workflow",
    access: "assignments.manage",
    scope: "document",
    body: createAssignmentSchema,
    successStatus: 201,
  },
  { method: "delete", path: "/api/v1/assignments/{assignmentId}", summary: "Remove an assignment without submitted work (else 409); an annotator's unsubmitted annotations on the document go with it (audited)", tag: "Workflow", access: "assignments.manage", scope: "assignment", successStatus: 204 },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/assignments/bulk",
    summary: "Give each document k annotators, balanced over the least-loaded (deterministic), and optionally a reviewer",
    tag: "Workflow",
    access: "assignments.manage",
    scope: "project",
    body: bulkAssignSchema,
    successStatus: 201,
  },
  {
    method: "post",
    path: "/api/v1/assignments/{assignmentId}/submit",
    summary: "Submit your own annotator assignment; the last one moves the document to READY_FOR_REVIEW (optional body { version })",
    tag: "Workflow",
    access: "annotations.write",
    scope: "assignment",
    body: submitAssignmentSchema,
  },
  {
    method: "post",
    path: "/api/v1/assignments/{assignmentId}/return",
    summary: "Return submitted work with a comment: SUBMITTED → IN_PROGRESS, document back to ANNOTATING",
    tag: "Workflow",
    access: "review.act",
    scope: "assignment",
    body: returnAssignmentSchema,
  },
  {
    method: "post",
    path: "/api/v1/documents/{documentId}/reopen",
    summary: "Reopen a signed-off document with a reason: ANNOTATING, every assignment IN_PROGRESS",
    tag: "Workflow",
    access: "documents.reopen",
    scope: "document",
    body: reopenDocumentSchema,
  },
  { method: "get", path: "/api/v1/projects/{projectId}/my-work", summary: "The caller's assignments with progress and the next open one", tag: "Workflow", access: "work.view", scope: "project" },
  { method: "get", path: "/api/v1/documents/{documentId}/history", summary: "The document's audit trail, newest first (?limit=&before=)", tag: "History", access: "documents.view", scope: "document" },
  { method: "get", path: "/api/v1/annotations/{annotationId}/history", summary: "Every recorded change of one annotation, newest first", tag: "History", access: "documents.view", scope: "annotation" },
  { method: "get", path: "/api/v1/documents/{documentId}/comments", summary: "Comments on the document, its sentences and annotations (oldest first; threads by parentId)", tag: "Comments", access: "documents.view", scope: "document" },
  {
    method: "post",
    path: "/api/v1/documents/{documentId}/comments",
    summary: "Post a comment or reply; @email or @name of members become mentions; bodies are plain text",
    tag: "Comments",
    access: "comments.write",
    scope: "document",
    body: createCommentSchema,
    successStatus: 201,
  },
  { method: "post", path: "/api/v1/comments/{commentId}/resolve", summary: "Resolve a thread (its author, a reviewer or a manager); already resolved → 409", tag: "Comments", access: "comments.resolve", scope: "comment" },
  { method: "post", path: "/api/v1/comments/{commentId}/reopen", summary: "Reopen a resolved thread; already open → 409", tag: "Comments", access: "comments.resolve", scope: "comment" },
];
