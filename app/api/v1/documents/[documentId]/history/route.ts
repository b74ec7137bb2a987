import { apiRoute, json } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { getDocumentHistory } from "@/lib/history/document-history";

type Params = { documentId: string };

export const GET = apiRoute<Params>(async (request, user, { documentId }) => {
  const url = new URL(request.url);
  const limitParam = url.searchParams.get("limit");
  const limit = limitParam === null ? 100 : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new AppError("validation_failed", "limit must be an integer from 1 to 500.");
  return json(await getDocumentHistory(user, documentId, { limit, before: url.searchParams.get("before") }));
});
