import { createDatasetSchema, datasetManifestSchema, datasetVersionSchema } from "@/lib/validation/datasets";
import { z } from "@/lib/validation/zod";
import type { ApiOperation } from "./types";

const createdSchema = z
  .object({ versionId: z.string(), number: z.number().int(), taskId: z.string(), status: z.enum(["QUEUED", "RUNNING", "DONE", "FAILED"]) })
  .openapi("DatasetCreated");

export const DATASET_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/datasets",
    summary: "Dataset versions, newest first, with counts and the diff against the previous version",
    tag: "Datasets",
    access: "datasets.view",
    scope: "project",
    response: z.object({ versions: z.array(datasetVersionSchema) }).openapi("DatasetVersionList"),
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/datasets",
    summary: "Create an immutable dataset version from the signed-off gold layer (202 with taskId to poll /api/v1/tasks/{taskId}; 201 when built inline; 409 when no signed-off document matches)",
    tag: "Datasets",
    access: "datasets.create",
    scope: "project",
    body: createDatasetSchema,
    response: createdSchema,
    successStatus: 202,
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/datasets/{version}",
    summary: "One version (by number or id): manifest and every file's name, format, bytes and sha256",
    tag: "Datasets",
    access: "datasets.view",
    scope: "project",
    response: datasetManifestSchema,
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/datasets/{version}/files/{name}",
    summary: "Stream one file of a version (URL-encode the name: brat%2Fx.ann); attachment, nosniff",
    tag: "Datasets",
    access: "datasets.view",
    scope: "project",
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/datasets/{version}/zip",
    summary: "Stream the whole version as one deterministic zip (byte-identical on every download)",
    tag: "Datasets",
    access: "datasets.view",
    scope: "project",
  },
];
