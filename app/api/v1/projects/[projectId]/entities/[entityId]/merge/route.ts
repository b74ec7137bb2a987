import { apiRoute, json, readJson } from "@/lib/api/handler";
import { mergeEntity } from "@/lib/entities/entities";

type Params = { projectId: string; entityId: string };

export const POST = apiRoute<Params>(async (request, user, { projectId, entityId }) => json(await mergeEntity(user, projectId, entityId, await readJson(request))));
