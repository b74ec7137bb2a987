import { apiRoute, json } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/route-params";
import { AppError } from "@/lib/errors";
import { getDocumentHistory } from "@/lib/history/document-history";
import { EVENT_GROUP_NAMES, parseEventGroup } from "@/lib/history/event-groups";
import { documentHistoryQuerySchema } from "@/lib/validation/documents";

type Params = { documentId: string };

export const GET = apiRoute<Params>(async (request, user, { documentId }) => {
  const { limit, before } = parseQuery(request, documentHistoryQuerySchema);
  const kind = new URL(request.url).searchParams.get("kind");
  const group = parseEventGroup(kind);
  if (kind !== null && group === null) throw new AppError("validation_failed", `kind must be one of: ${EVENT_GROUP_NAMES.join(", ")}.`);
  return json(await getDocumentHistory(user, documentId, { limit, before: before ?? null, group }));
});
