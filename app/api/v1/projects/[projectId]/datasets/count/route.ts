import { apiRoute, json, readJson } from "@/lib/api/handler";
import { countDatasetDocuments } from "@/lib/datasets/create-dataset";

type Params = { projectId: string };

// How many documents a filter selects, and the filter as a version would store it. An empty body
// counts the default (every signed-off document).
export const POST = apiRoute<Params>(async (request, user, { projectId }) => {
  const hasBody = request.headers.get("content-type") !== null || Number(request.headers.get("content-length") ?? "0") > 0;
  return json(await countDatasetDocuments(user, projectId, hasBody ? await readJson(request) : {}));
});
