import { apiRoute, json, readJson } from "@/lib/api/handler";
import { updateEntity } from "@/lib/entities/entities";

type Params = { projectId: string; entityId: string };

export const PATCH = apiRoute<Params>(async (request, user, { projectId, entityId }) => json(await updateEntity(user, projectId, entityId, await readJson(request))));
