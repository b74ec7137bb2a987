import { documentTextSchema } from "@/lib/validation/document-text";
import { entityDtoSchema } from "@/lib/validation/entities";
import { relationDtoSchema, relationListSchema } from "@/lib/validation/relations";
import { suggestionDtoSchema } from "@/lib/validation/suggestions";
import { transitionResultSchema } from "@/lib/validation/assignment";
import { z } from "@/lib/validation/zod";
import { parseDocumentText } from "./document-text-check";
import { apiRequest } from "./request";

const enc = encodeURIComponent;
/** A 204 answer has no body. */
const noContent = z.null();
const SUBMIT_OFFLINE = "You are offline: submit again when the connection is back.";
const RELATIONS_OFFLINE = "You are offline: relations are saved online only; try again when the connection is back.";

/** The `/api/v1` calls the annotator page makes besides loading and saving annotations (the outbox's own). */
export const annotatorApi = {
  /** `url` is the shell's versioned text URL: immutable, so the browser's cache (and the page's preload) may answer. */
  documentText: (url: string) =>
    apiRequest(url, {
      schema: documentTextSchema,
      // Thousands of tuples: checked by one loop, not by zod (see parseDocumentText).
      check: parseDocumentText,
      cache: "default",
      fallback: "The document's text could not be loaded.",
      offline: "The document's text could not be loaded: check the connection and try again.",
    }),

  submitAssignment: (assignmentId: string) =>
    apiRequest(`/api/v1/assignments/${enc(assignmentId)}/submit`, {
      json: {},
      schema: transitionResultSchema,
      fallback: "Submitting failed; try again.",
      offline: SUBMIT_OFFLINE,
    }),

  createEntity: (projectId: string, entity: { name: string; type: string }) =>
    apiRequest(`/api/v1/projects/${enc(projectId)}/entities`, {
      json: entity,
      schema: entityDtoSchema,
      fallback: "The speaker could not be created.",
      offline: "You are offline: speakers can only be created online.",
    }),

  decideSuggestion: (suggestionId: string, decision: "accepted" | "rejected") =>
    apiRequest(`/api/v1/suggestions/${enc(suggestionId)}/decision`, {
      json: { decision },
      schema: suggestionDtoSchema,
      fallback: "The decision on the suggestion was not recorded.",
      offline: "You are offline: the decision on the suggestion was not recorded (the annotation itself is queued).",
    }),

  listRelations: (documentId: string, layer: string) =>
    apiRequest(`/api/v1/documents/${enc(documentId)}/relations?layer=${enc(layer)}`, { schema: relationListSchema, fallback: "The relations could not be loaded.", offline: RELATIONS_OFFLINE }),

  createRelation: (documentId: string, relation: { id: string; type: string; fromId: string; toId: string }) =>
    apiRequest(`/api/v1/documents/${enc(documentId)}/relations`, { json: relation, schema: relationDtoSchema, fallback: "The relation could not be saved.", offline: RELATIONS_OFFLINE }),

  deleteRelation: (relationId: string, version: number) =>
    apiRequest(`/api/v1/relations/${enc(relationId)}?version=${version}`, { method: "DELETE", schema: noContent, fallback: "The relation could not be deleted.", offline: RELATIONS_OFFLINE }),
};
