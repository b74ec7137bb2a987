import { apiRoute, json, readJson } from "@/lib/api/handler";
import { decideSuggestion } from "@/lib/suggestion-runs/decide-suggestion";

type Params = { suggestionId: string };

export const POST = apiRoute<Params>(async (request, user, { suggestionId }) => json(await decideSuggestion(user, suggestionId, await readJson(request))));
