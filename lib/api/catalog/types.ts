import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";

// Every /api/v1 operation, described once. The OpenAPI document is generated from this list, and
// the authorization sweep test walks it (and checks that every route file is listed here).
export type ApiOperation = {
  method: "get" | "post" | "patch" | "put" | "delete";
  /** OpenAPI path with {params}. */
  path: string;
  summary: string;
  tag: string;
  /** public: no auth; admin: site admin; otherwise the project permission required. */
  access: "public" | "user" | "admin" | Permission;
  /** What {id} in the path is scoped by, for the non-member → 404 sweep. */
  scope?: "project" | "document" | "assignment" | "annotation" | "relation" | "comment" | "task" | "suggestion";
  body?: z.ZodType;
  response?: z.ZodType;
  successStatus?: number;
  contentType?: string;
};
