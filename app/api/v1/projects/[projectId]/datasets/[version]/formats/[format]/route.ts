import { apiRoute, json } from "@/lib/api/handler";
import { datasetFormatResponse, requestDatasetFormat } from "@/lib/datasets/download";

type Params = { projectId: string; version: string; format: string };

// GET: a zip of the format's files; a format the version was not built with answers 202 with the
// build's task the first time (poll it, then GET again: the stored bytes from then on).
export const GET = apiRoute<Params>(async (_request, user, { projectId, version, format }) => datasetFormatResponse(user, projectId, version, format));

// POST: build it ahead of the download (200 when already stored, 202 with the task otherwise).
export const POST = apiRoute<Params>(async (_request, user, { projectId, version, format }) => {
  const requested = await requestDatasetFormat(user, projectId, version, format);
  return json(requested, requested.status === "DONE" ? 200 : 202);
});
