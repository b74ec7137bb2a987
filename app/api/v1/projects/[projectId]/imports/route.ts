import { apiRoute, json } from "@/lib/api/handler";
import { readUpload } from "@/lib/api/read-upload";
import { requireProjectPermission } from "@/lib/auth/project-access";
import { createImportTask } from "@/lib/documents/import-task";
import { AppError } from "@/lib/errors";
import { listRecentTasks } from "@/lib/tasks/tasks";

type Params = { projectId: string };

export const GET = apiRoute<Params>(async (_request, user, { projectId }) => json({ tasks: await listRecentTasks(user, projectId, "IMPORT") }));

// Queues a batch of files as a background import; poll GET /api/v1/tasks/{taskId}.
export const POST = apiRoute<Params>(async (request, user, { projectId }) => {
  await requireProjectPermission(user, projectId, "documents.import");
  const upload = await readUpload(request);
  if (upload.kind !== "files") throw new AppError("unsupported_media_type", "Upload files as multipart/form-data; for JSON articles use POST …/documents.");
  return json(await createImportTask(user, projectId, upload.files), 202);
});
