import { apiRoute } from "@/lib/api/handler";
import { datasetZipResponse } from "@/lib/datasets/download";

export const GET = apiRoute<{ projectId: string; version: string }>(async (_request, user, { projectId, version }) =>
  datasetZipResponse(user, projectId, version),
);
