import { apiRoute, json } from "@/lib/api/handler";
import { listDocumentSuggestions } from "@/lib/suggestion-runs/list-suggestions";

type Params = { documentId: string };

export const GET = apiRoute<Params>(async (request, user, { documentId }) =>
  json(await listDocumentSuggestions(user, documentId, Object.fromEntries(new URL(request.url).searchParams))),
);
