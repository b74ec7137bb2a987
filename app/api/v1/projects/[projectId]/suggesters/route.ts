import { apiRoute, json, readJson } from "@/lib/api/handler";
import { createExternalSuggester, listExternalSuggesters } from "@/lib/external-suggesters/manage";

type Params = { projectId: string };

export const GET = apiRoute<Params>(async (_request, user, { projectId }) => json(await listExternalSuggesters(user, projectId)));

export const POST = apiRoute<Params>(async (request, user, { projectId }) => json(await createExternalSuggester(user, projectId, await readJson(request)), 201));
