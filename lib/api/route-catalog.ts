import { ANNOTATION_OPERATIONS } from "./catalog/annotations";
import { DATASET_OPERATIONS } from "./catalog/datasets";
import { DOCUMENT_OPERATIONS } from "./catalog/documents";
import { FOUNDATION_OPERATIONS } from "./catalog/foundation";
import { LABEL_SCHEMA_OPERATIONS } from "./catalog/label-schema";
import { RELATION_OPERATIONS } from "./catalog/relations";
import { REVIEW_OPERATIONS } from "./catalog/review";
import { SEARCH_OPERATIONS } from "./catalog/search";
import { SUGGESTION_OPERATIONS } from "./catalog/suggestions";
import type { ApiOperation } from "./catalog/types";
import { WORKFLOW_OPERATIONS } from "./catalog/workflow";

// Every /api/v1 operation, described once per feature in lib/api/catalog/. The OpenAPI document
// is generated from this list, and the authorization sweep test walks it (a unit test checks that
// every route file is listed).
export type { ApiOperation };

export const API_OPERATIONS: ApiOperation[] = [
  ...FOUNDATION_OPERATIONS,
  ...DOCUMENT_OPERATIONS,
  ...ANNOTATION_OPERATIONS,
  ...SUGGESTION_OPERATIONS,
  ...LABEL_SCHEMA_OPERATIONS,
  ...WORKFLOW_OPERATIONS,
  ...DATASET_OPERATIONS,
  ...REVIEW_OPERATIONS,
  ...SEARCH_OPERATIONS,
  ...RELATION_OPERATIONS,
];
