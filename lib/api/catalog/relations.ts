import { createRelationSchema, deleteRelationSchema, relationDtoSchema, relationListSchema, updateRelationSchema } from "@/lib/validation/relations";
import { relationDecisionSchema, relationReviewSchema } from "@/lib/validation/relation-review";
import type { ApiOperation } from "./types";

export const RELATION_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/documents/{documentId}/relations",
    summary: "One layer's relations between spans: ?layer=mine (default) | gold | user:{userId} (reviewers and managers)",
    tag: "Relations",
    access: "documents.view",
    scope: "document",
    response: relationListSchema,
  },
  {
    method: "post",
    path: "/api/v1/documents/{documentId}/relations",
    summary: "Link two spans of your layer {id?, type, fromId, toId}; type from the label schema's relation types; a retried id returns 200",
    tag: "Relations",
    access: "annotations.write",
    scope: "document",
    body: createRelationSchema,
    response: relationDtoSchema,
    successStatus: 201,
  },
  {
    method: "patch",
    path: "/api/v1/relations/{relationId}",
    summary: "Change a relation's type or ends; `version` must be current (409 with error.current otherwise)",
    tag: "Relations",
    access: "annotations.write",
    scope: "relation",
    body: updateRelationSchema,
    response: relationDtoSchema,
  },
  {
    method: "delete",
    path: "/api/v1/relations/{relationId}",
    summary: "Delete a relation of your layer (?version= or a JSON body with version)",
    tag: "Relations",
    access: "annotations.write",
    scope: "relation",
    body: deleteRelationSchema,
    successStatus: 204,
  },
  {
    method: "get",
    path: "/api/v1/documents/{documentId}/review/relations",
    summary: "The annotators' relations matched by type and both ends (ends matched as spans), with decisions, gold links and the document's relation F1",
    tag: "Review",
    access: "review.view",
    scope: "document",
    response: relationReviewSchema,
  },
  {
    method: "post",
    path: "/api/v1/documents/{documentId}/review/relations",
    summary: "Accept (gold link between the ends' gold annotations; decide the spans first) or reject one relation match; version = the decision version seen (stale → 409)",
    tag: "Review",
    access: "review.act",
    scope: "document",
    body: relationDecisionSchema,
  },
];
