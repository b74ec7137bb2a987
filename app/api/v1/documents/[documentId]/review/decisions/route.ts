import { apiRoute, json, readJson } from "@/lib/api/handler";
import { recordReviewDecision } from "@/lib/review/record-review-decision";

type Params = { documentId: string };

export const POST = apiRoute<Params>(async (request, user, { documentId }) => json(await recordReviewDecision(user, documentId, await readJson(request))));
