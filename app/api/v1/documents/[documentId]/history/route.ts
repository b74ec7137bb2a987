import { apiRoute, json } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { getDocumentHistory } from "@/lib/history/document-history";
import { EVENT_GROUP_NAMES, parseEventGroup } from "@/lib/history/event-groups";

type Params = { documentId: string };

export const GET = apiRoute<Params>(async (request, user, { documentId }) => {
  const url = new URL(request.url);
  const limitParam = url.searchParams.get("limit");
  const limit = limitParam === null ? 100 : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new AppError("validation_failed", "limit must be an integer from 1 to 500.");
  const kind = url.searchParams.get("kind");
  const group = parseEventGroup(kind);
  if (kind !== null && group === null) throw new AppError("validation_failed", `kind must be one of: ${EVENT_GROUP_NAMES.join(", ")}.`);
  return json(await getDocumentHistory(user, documentId, { limit, before: url.searchParams.get("before"), group }));
});
