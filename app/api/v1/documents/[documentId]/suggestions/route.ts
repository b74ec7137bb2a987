import { apiRoute, json } from "@/lib/api/handler";
import { listDocumentSuggestions } from "@/lib/suggestion-runs/list-suggestions";

type Params = { documentId: string };

export const GET = apiRoute<Params>(async (_request, user, { documentId }) => json(await listDocumentSuggestions(user, documentId)));
