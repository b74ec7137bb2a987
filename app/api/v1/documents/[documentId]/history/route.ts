import { apiRoute, json } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/route-params";
import { getDocumentHistory } from "@/lib/history/document-history";
import { documentHistoryQuerySchema } from "@/lib/validation/documents";

type Params = { documentId: string };

export const GET = apiRoute<Params>(async (request, user, { documentId }) => {
  const { limit, before } = parseQuery(request, documentHistoryQuerySchema);
  return json(await getDocumentHistory(user, documentId, { limit, before: before ?? null }));
});
