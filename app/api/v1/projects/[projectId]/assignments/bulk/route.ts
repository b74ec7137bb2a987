import { apiRoute, json, readJson } from "@/lib/api/handler";
import { bulkAssign } from "@/lib/workflow/bulk-assign";

type Params = { projectId: string };

export const POST = apiRoute<Params>(async (request, user, { projectId }) => json(await bulkAssign(user, projectId, await readJson(request)), 201));
