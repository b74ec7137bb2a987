import { externalSuggesterDtoSchema, externalSuggesterInputSchema } from "@/lib/validation/external-suggesters";
import { runSuggestionsSchema, suggestionDecisionSchema, suggestionDtoSchema } from "@/lib/validation/suggestions";
import { z } from "@/lib/validation/zod";
import type { ApiOperation } from "./types";

const suggestionListSchema = z
  .object({
    items: z.array(suggestionDtoSchema),
    minConfidence: z.number().meta({ description: "The threshold applied: ?minConfidence= if given, else the project's suggestion threshold" }),
  })
  .meta({ id: "SuggestionList" });
const externalSuggesterListSchema = z.object({ items: z.array(externalSuggesterDtoSchema) }).meta({ id: "ExternalSuggesterList" });
const taskCreatedSchema = z.object({ taskId: z.string() }).meta({ id: "SuggestionRunQueued" });

export const SUGGESTION_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/documents/{documentId}/suggestions",
    summary:
      "Suggested spans of a document (code-point offsets), pending and decided, with the rule that fired, its confidence and the matched speaker entity; " +
      "only those with confidence ≥ ?minConfidence= (0–1; default the project's suggestion threshold, 0 = all)",
    tag: "Suggestions",
    access: "documents.view",
    scope: "document",
    response: suggestionListSchema,
  },
  {
    method: "post",
    path: "/api/v1/suggestions/{suggestionId}/decision",
    summary: "Accept or reject a suggestion (annotator with an open assignment); the same decision again is a no-op, the other → 409",
    tag: "Suggestions",
    access: "annotations.write",
    scope: "suggestion",
    body: suggestionDecisionSchema,
    response: suggestionDtoSchema,
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/suggestions/run",
    summary: "Re-run the enabled suggesters for chosen documents (202 with taskId; poll /api/v1/tasks/{taskId}); decided suggestions are kept",
    tag: "Suggestions",
    access: "suggestions.manage",
    scope: "project",
    body: runSuggestionsSchema,
    response: taskCreatedSchema,
    successStatus: 202,
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/suggesters",
    summary: "External suggesters of the project (Label Studio ML-backend /predict services), with each one's last failure",
    tag: "Suggestions",
    access: "suggestions.manage",
    scope: "project",
    response: externalSuggesterListSchema,
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/suggesters",
    summary:
      "Register an external suggester {name, url, token}: suggestion runs POST each document to <url>/predict. " +
      "400 when the URL's host resolves to a link-local, metadata, or (unless allowed) loopback/private address",
    tag: "Suggestions",
    access: "suggestions.manage",
    scope: "project",
    body: externalSuggesterInputSchema,
    response: externalSuggesterDtoSchema,
    successStatus: 201,
  },
  {
    method: "delete",
    path: "/api/v1/projects/{projectId}/suggesters/{suggesterId}",
    summary: "Remove an external suggester (its suggestions already made stay)",
    tag: "Suggestions",
    access: "suggestions.manage",
    scope: "project",
    successStatus: 204,
  },
];
