import { apiRoute, json, readJson } from "@/lib/api/handler";
import { decideRelation, getRelationReview } from "@/lib/relations/review-relations";

type Params = { documentId: string };

export const GET = apiRoute<Params>(async (_request, user, { documentId }) => json(await getRelationReview(user, documentId)));

export const POST = apiRoute<Params>(async (request, user, { documentId }) => json(await decideRelation(user, documentId, await readJson(request))));
