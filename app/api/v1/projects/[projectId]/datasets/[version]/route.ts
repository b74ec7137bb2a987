import { apiRoute, json } from "@/lib/api/handler";
import { getDatasetVersion } from "@/lib/datasets/list-datasets";

export const GET = apiRoute<{ projectId: string; version: string }>(async (_request, user, { projectId, version }) =>
  json(await getDatasetVersion(user, projectId, version)),
);
