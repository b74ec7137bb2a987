import { apiRoute, json, readJson } from "@/lib/api/handler";
import { requireProjectPermission } from "@/lib/auth/project-access";
import { createDatasetVersion } from "@/lib/datasets/create-dataset";
import { listDatasetVersions } from "@/lib/datasets/list-datasets";

type Params = { projectId: string };

export const GET = apiRoute<Params>(async (_request, user, { projectId }) => json({ versions: await listDatasetVersions(user, projectId) }));

// 202 with a task to poll (GET /api/v1/tasks/{taskId}); 201 when the build already finished
// (inline jobs). An empty body takes the defaults.
export const POST = apiRoute<Params>(async (request, user, { projectId }) => {
  await requireProjectPermission(user, projectId, "datasets.create");
  const hasBody = request.headers.get("content-type") !== null || Number(request.headers.get("content-length") ?? "0") > 0;
  const created = await createDatasetVersion(user, projectId, hasBody ? await readJson(request) : {});
  return json(created, created.status === "DONE" ? 201 : 202);
});
