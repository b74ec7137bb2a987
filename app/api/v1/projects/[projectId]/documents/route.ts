import { apiRoute, json } from "@/lib/api/handler";
import { readUpload } from "@/lib/api/read-upload";
import { parseQuery } from "@/lib/api/route-params";
import { importResponse } from "@/lib/api/import-response";
import { requireProjectPermission } from "@/lib/auth/project-access";
import { importJsonArticles, importUploadedFile } from "@/lib/documents/import-files";
import { importViaWorker, jsonBodyAsFile, shouldHandOff } from "@/lib/documents/import-via-worker";
import { listDocuments } from "@/lib/documents/list-documents";
import { documentListQuerySchema } from "@/lib/validation/documents";

type Params = { projectId: string };

export const GET = apiRoute<Params>(async (request, user, { projectId }) => {
  const { limit, state, cursor } = parseQuery(request, documentListQuerySchema);
  return json(await listDocuments(user, projectId, { cursor: cursor ?? null, limit, state: state ?? null }));
});

// Synchronous import (each document in its own transaction); the UI uses /imports for big batches.
// A big body is imported by a worker process (CPU work off the web server) while the request waits.
export const POST = apiRoute<Params>(async (request, user, { projectId }) => {
  await requireProjectPermission(user, projectId, "documents.import");
  const upload = await readUpload(request);
  const ctx = { projectId, userId: user.id };
  const declared = Number(request.headers.get("content-length") ?? "0");
  const bytes = upload.kind === "files" ? upload.files.reduce((n, f) => n + f.bytes.length, 0) : declared;
  if (shouldHandOff(bytes)) {
    const json = upload.kind === "json" ? jsonBodyAsFile(upload.body) : null;
    const files = json ? [json.file] : upload.kind === "files" ? upload.files : [];
    const outcome = await importViaWorker(user, projectId, files);
    if (!outcome.done) return json202(outcome.taskId, outcome.status);
    const results = json ? json.rename(outcome.results) : outcome.results;
    const single = upload.kind === "json" ? !Array.isArray(upload.body) : files.length === 1 && results.length === 1;
    return importResponse(results, single);
  }
  if (upload.kind === "json") {
    return importResponse(await importJsonArticles(ctx, upload.body), !Array.isArray(upload.body));
  }
  const results = [];
  for (const file of upload.files) results.push(...(await importUploadedFile(ctx, file)));
  return importResponse(results, upload.files.length === 1 && results.length === 1);
});

/** The worker did not finish within the wait: the client polls the task instead. */
const json202 = (taskId: string, status: string) =>
  json({ taskId, status, message: "The import continues in the background; poll /api/v1/tasks/{taskId}." }, 202);
