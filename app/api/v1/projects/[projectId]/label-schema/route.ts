import { apiRoute, json, readJson } from "@/lib/api/handler";
import { updateLabelSchema } from "@/lib/projects/update-label-schema";

type Params = { projectId: string };

export const PATCH = apiRoute<Params>(async (request, user, { projectId }) => json(await updateLabelSchema(user, projectId, await readJson(request))));
