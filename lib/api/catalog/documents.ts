import { documentMetadataSchema, importJsonBodySchema, importResponseSchema, sentenceKindResultSchema, sentenceKindSchema, updateDocumentSchema } from "@/lib/validation/documents";
import { documentTextSchema } from "@/lib/validation/document-text";
import { taskQueuedSchema, taskSchema } from "@/lib/validation/tasks";
import { z } from "@/lib/validation/zod";
import type { ApiOperation } from "./types";

const multipartFiles = z
  .object({
    file: z.array(z.string().meta({ format: "binary" })).meta({ description: "One or more .txt, .jsonl, .json or .html files" }),
    encoding: z.enum(["utf-8", "windows-1251", "koi8-r"]).optional(),
  })
  .meta({ id: "FileUpload" });


export const DOCUMENT_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/documents/{documentId}/text",
    summary: "The original text and sentence boundaries [index, start, end] (code points); with ?v={sha256} cached as immutable, ETag for revalidation",
    tag: "Documents",
    access: "documents.view",
    scope: "document",
    response: documentTextSchema,
  },
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
    response: taskQueuedSchema,
    successStatus: 202,
  },
  { method: "get", path: "/api/v1/tasks/{taskId}", summary: "Progress and per-file results of a background task", tag: "Tasks", access: "project.view", scope: "task", response: taskSchema },
  { method: "get", path: "/api/v1/documents/{documentId}", summary: "A document: metadata, original text, sentences (code-point offsets)", tag: "Documents", access: "documents.view", scope: "document" },
  { method: "patch", path: "/api/v1/documents/{documentId}", summary: "Correct language, title or tags", tag: "Documents", access: "documents.editSegments", scope: "document", body: updateDocumentSchema, response: documentMetadataSchema },
  { method: "delete", path: "/api/v1/documents/{documentId}", summary: "Delete a document without signed-off work (else 409)", tag: "Documents", access: "documents.delete", scope: "document", successStatus: 204 },
  {
    method: "patch",
    path: "/api/v1/documents/{documentId}/sentences/{index}",
    summary: "Flip a segment between content and boilerplate",
    tag: "Documents",
    access: "documents.editSegments",
    scope: "document",
    body: sentenceKindSchema,
    response: sentenceKindResultSchema,
  },
];
