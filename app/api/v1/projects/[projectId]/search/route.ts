import { apiRoute, json } from "@/lib/api/handler";
import { queryRecord, searchCorpus } from "@/lib/search/search-corpus";

type Params = { projectId: string };

export const GET = apiRoute<Params>(async (request, user, { projectId }) => json(await searchCorpus(user, projectId, queryRecord(new URL(request.url).searchParams))));
