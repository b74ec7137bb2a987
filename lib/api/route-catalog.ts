
import type { Permission } from "@/lib/auth/permissions";
import { createTokenSchema, signInSchema, tokenResponseSchema } from "@/lib/validation/auth";
import { importJsonBodySchema, importResultSchema, sentenceKindSchema, updateDocumentSchema } from "@/lib/validation/documents";
import { z } from "@/lib/validation/zod";
import { addMemberSchema, createProjectSchema, projectSchema, updateProjectSchema } from "@/lib/validation/projects";
import { createUserSchema, userSchema } from "@/lib/validation/users";

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
  scope?: "project" | "document" | "assignment" | "annotation" | "task";
  body?: z.ZodType;
  response?: z.ZodType;
  successStatus?: number;
  contentType?: string;
};

const multipartFiles = z
  .object({
    file: z.array(z.string().openapi({ format: "binary" })).openapi({ description: "One or more .txt, .jsonl, .json or .html files" }),
    encoding: z.enum(["utf-8", "windows-1251", "koi8-r"]).optional(),
  })
  .openapi("FileUpload");

const importResponseSchema = z
  .object({ results: z.array(importResultSchema), imported: z.number().int(), duplicates: z.number().int(), failed: z.number().int() })
  .openapi("ImportResponse");

export const API_OPERATIONS: ApiOperation[] = [
  { method: "get", path: "/api/v1/health", summary: "Liveness and database status", tag: "System", access: "public" },
  { method: "get", path: "/api/v1/openapi.json", summary: "This OpenAPI document", tag: "System", access: "public" },
  {
    method: "post",
    path: "/api/v1/auth/token",
    summary: "Exchange email and password for an API token (throttled: 10 failures/minute/email → 429)",
    tag: "Auth",
    access: "public",
    body: signInSchema.extend({ name: createTokenSchema.shape.name.optional() }),
    response: tokenResponseSchema,
    successStatus: 201,
  },
  { method: "get", path: "/api/v1/users", summary: "List users", tag: "Users", access: "admin" },
  { method: "post", path: "/api/v1/users", summary: "Create a user", tag: "Users", access: "admin", body: createUserSchema, response: userSchema, successStatus: 201 },
  { method: "get", path: "/api/v1/projects", summary: "The caller's projects", tag: "Projects", access: "user" },
  { method: "post", path: "/api/v1/projects", summary: "Create a project", tag: "Projects", access: "admin", body: createProjectSchema, successStatus: 201 },
  { method: "get", path: "/api/v1/projects/{projectId}", summary: "A project", tag: "Projects", access: "project.view", scope: "project", response: projectSchema },
  { method: "patch", path: "/api/v1/projects/{projectId}", summary: "Update project settings", tag: "Projects", access: "project.edit", scope: "project", body: updateProjectSchema },
  { method: "get", path: "/api/v1/projects/{projectId}/members", summary: "Project members", tag: "Projects", access: "project.view", scope: "project" },
  { method: "post", path: "/api/v1/projects/{projectId}/members", summary: "Add a member or set their roles", tag: "Projects", access: "members.manage", scope: "project", body: addMemberSchema, successStatus: 201 },

  { method: "get", path: "/api/v1/projects/{projectId}/documents", summary: "List documents (cursor pagination: ?cursor=&limit=&state=)", tag: "Documents", access: "documents.view", scope: "project" },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/documents",
    summary: "Import articles: JSON (one object or an array) or multipart files; one transaction per document; duplicates → 409 with existingId",
    tag: "Documents",
    access: "documents.import",
    scope: "project",
    body: importJsonBodySchema,
    response: importResponseSchema,
    successStatus: 201,
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/imports",
    summary: "Recent background import tasks",
    tag: "Documents",
    access: "project.view",
    scope: "project",
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/imports",
    summary: "Queue a batch of files for background import (202 with taskId; poll /api/v1/tasks/{taskId})",
    tag: "Documents",
    access: "documents.import",
    scope: "project",
    body: multipartFiles,
    contentType: "multipart/form-data",
    successStatus: 202,
  },
  { method: "get", path: "/api/v1/tasks/{taskId}", summary: "Progress and per-file results of a background task", tag: "Tasks", access: "project.view", scope: "task" },
  { method: "get", path: "/api/v1/documents/{documentId}", summary: "A document: metadata, original text, sentences (code-point offsets)", tag: "Documents", access: "documents.view", scope: "document" },
  { method: "patch", path: "/api/v1/documents/{documentId}", summary: "Correct language, title or tags", tag: "Documents", access: "documents.editSegments", scope: "document", body: updateDocumentSchema },
  { method: "delete", path: "/api/v1/documents/{documentId}", summary: "Delete a document without signed-off work (else 409)", tag: "Documents", access: "documents.delete", scope: "document", successStatus: 204 },
  {
    method: "patch",
    path: "/api/v1/documents/{documentId}/sentences/{index}",
    summary: "Flip a segment between content and boilerplate",
    tag: "Documents",
    access: "documents.editSegments",
    scope: "document",
    body: sentenceKindSchema,
  },
];
