import { apiRoute, json, readJson } from "@/lib/api/handler";
import { createEntity, listEntities } from "@/lib/entities/entities";

type Params = { projectId: string };

export const GET = apiRoute<Params>(async (_request, user, { projectId }) => json({ items: await listEntities(user, projectId) }));

export const POST = apiRoute<Params>(async (request, user, { projectId }) => json(await createEntity(user, projectId, await readJson(request)), 201));
