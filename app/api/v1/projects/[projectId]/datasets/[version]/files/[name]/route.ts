import { apiRoute } from "@/lib/api/handler";
import { datasetFileResponse } from "@/lib/datasets/download";
import { decodeFileNameParam } from "@/lib/datasets/content-types";

// File names contain "/" (brat/x.ann), sent as %2F in this one path segment.
export const GET = apiRoute<{ projectId: string; version: string; name: string }>(async (_request, user, { projectId, version, name }) =>
  datasetFileResponse(user, projectId, version, decodeFileNameParam(name)),
);
