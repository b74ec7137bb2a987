import { ANNOTATION_OPERATIONS } from "./catalog/annotations";
import { DOCUMENT_OPERATIONS } from "./catalog/documents";
import { FOUNDATION_OPERATIONS } from "./catalog/foundation";
import { REVIEW_OPERATIONS } from "./catalog/review";
import type { ApiOperation } from "./catalog/types";

// Every /api/v1 operation, described once per feature in lib/api/catalog/. The OpenAPI document
// is generated from this list, and the authorization sweep test walks it (a unit test checks that
// every route file is listed).
export type { ApiOperation };

export const API_OPERATIONS: ApiOperation[] = [...FOUNDATION_OPERATIONS, ...DOCUMENT_OPERATIONS, ...ANNOTATION_OPERATIONS, ...REVIEW_OPERATIONS];
