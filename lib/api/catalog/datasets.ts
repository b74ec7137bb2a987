import { createDatasetSchema, datasetCountResponseSchema, datasetFormatRequestSchema, datasetCountSchema, datasetManifestSchema, datasetVersionSchema } from "@/lib/validation/datasets";
import { z } from "@/lib/validation/zod";
import type { ApiOperation } from "./types";

const createdSchema = z
  .object({ versionId: z.string(), number: z.number().int(), taskId: z.string(), status: z.enum(["QUEUED", "RUNNING", "DONE", "FAILED"]) })
  .meta({ id: "DatasetCreated" });


export const DATASET_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/datasets",
    summary: "Dataset versions, newest first, with counts and the diff against the previous version",
    tag: "Datasets",
    access: "datasets.view",
    scope: "project",
    response: z.object({ versions: z.array(datasetVersionSchema) }).meta({ id: "DatasetVersionList" }),
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/datasets",
    summary:
      "Create an immutable dataset version from the signed-off gold layer. `formats` chooses what is built with it (default native-jsonl, sentences-csv, spans-csv; native-jsonl is always added); any other format is built later at its first download (…/formats/{format}). 202 with taskId to poll /api/v1/tasks/{taskId}; 201 when built inline; 409 when no document matches the filter (no version is created); 400 names an unknown state, document or annotator",
    tag: "Datasets",
    access: "datasets.create",
    scope: "project",
    body: createDatasetSchema,
    response: createdSchema,
    successStatus: 202,
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/datasets/count",
    summary:
      "How many documents a dataset filter selects (by state, annotator, title text, tags, published / import / sign-off dates, ids), and the filter normalised as a version would store it. 400 names an unknown state, document or annotator",
    tag: "Datasets",
    access: "datasets.create",
    scope: "project",
    body: datasetCountSchema,
    response: datasetCountResponseSchema,
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
    path: "/api/v1/projects/{projectId}/datasets/{version}/formats/{format}",
    summary:
      "One format of a version as a deterministic zip. A format the version was not built with is built from its native JSONL at the first request: 202 with {taskId, format, status} (poll the task, then GET again); from then on the stored bytes, identical on every download. 404 for an unknown format",
    tag: "Datasets",
    access: "datasets.view",
    scope: "project",
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/datasets/{version}/formats/{format}",
    summary: "Build a format ahead of its download: 200 {status: DONE} when stored, 202 with the build's taskId otherwise (one build per version and format)",
    tag: "Datasets",
    access: "datasets.view",
    scope: "project",
    response: datasetFormatRequestSchema,
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/datasets/{version}/zip",
    summary: "Stream the version as one deterministic zip: the formats it was built with and the manifest (byte-identical on every download; formats built later are not added)",
    tag: "Datasets",
    access: "datasets.view",
    scope: "project",
  },
];
