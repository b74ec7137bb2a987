import { agreementRunQueuedSchema } from "@/lib/validation/agreement";
import { datasetFormatRequestSchema, type ExportFormat } from "@/lib/validation/datasets";
import { documentMetadataSchema, importResponseSchema, sentenceKindResultSchema, type updateDocumentSchema } from "@/lib/validation/documents";
import { searchResultSchema } from "@/lib/validation/search";
import { taskQueuedSchema, taskSchema } from "@/lib/validation/tasks";
import type { z } from "@/lib/validation/zod";
import { apiRequest } from "./request";
import { uploadWithProgress } from "./upload";

const enc = encodeURIComponent;

/** The `/api/v1` calls the browser makes outside the annotator and review pages, typed by their response schemas. */
export const api = {
  getTask: (taskId: string, fallback: string) => apiRequest(`/api/v1/tasks/${enc(taskId)}`, { schema: taskSchema, fallback }),

  startAgreementRun: (projectId: string) =>
    apiRequest(`/api/v1/projects/${enc(projectId)}/agreement`, {
      method: "POST",
      json: {},
      schema: agreementRunQueuedSchema,
      fallback: "Could not start the recompute.",
      offline: "Connection lost; the recompute was not started.",
    }),

  /** Builds a format a dataset version was not built with (or finds it built). */
  requestDatasetFormat: (projectId: string, version: number, format: ExportFormat) =>
    apiRequest(datasetFormatPath(projectId, version, format), {
      method: "POST",
      schema: datasetFormatRequestSchema,
      fallback: "The format could not be requested.",
      offline: "Connection lost; try again.",
    }),

  setSentenceKind: (documentId: string, index: number, kind: "content" | "boilerplate") =>
    apiRequest(`/api/v1/documents/${enc(documentId)}/sentences/${index}`, { method: "PATCH", json: { kind }, schema: sentenceKindResultSchema, fallback: "Could not change the segment." }),

  updateDocument: (documentId: string, patch: z.input<typeof updateDocumentSchema>) =>
    apiRequest(`/api/v1/documents/${enc(documentId)}`, { method: "PATCH", json: patch, schema: documentMetadataSchema, fallback: "Could not save." }),

  importArticle: (projectId: string, article: { text: string; title?: string; source?: string }) =>
    apiRequest(`/api/v1/projects/${enc(projectId)}/documents`, {
      method: "POST",
      json: article,
      schema: importResponseSchema,
      fallback: "Import failed.",
      offline: "The server could not be reached. Your text is still here; try again.",
    }),

  /** The next page of a search: `query` is the search's own query string, `cursor` the last page's nextCursor. */
  searchPage: (projectId: string, query: string, cursor: string) =>
    apiRequest(`/api/v1/projects/${enc(projectId)}/search?${query}&cursor=${enc(cursor)}`, { schema: searchResultSchema, fallback: "Could not load more results." }),

  uploadImport: (projectId: string, form: FormData, onProgress: (fraction: number) => void) =>
    uploadWithProgress(`/api/v1/projects/${enc(projectId)}/imports`, form, onProgress, { schema: taskQueuedSchema, fallback: "The upload was refused." }),
};

export function datasetFormatPath(projectId: string, version: number, format: ExportFormat): string {
  return `/api/v1/projects/${enc(projectId)}/datasets/${version}/formats/${format}`;
}
