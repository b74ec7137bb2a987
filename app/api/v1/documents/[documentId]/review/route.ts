import { apiRoute, json } from "@/lib/api/handler";
import { getReview } from "@/lib/review/get-review";

type Params = { documentId: string };

export const GET = apiRoute<Params>(async (_request, user, { documentId }) => json(await getReview(user, documentId)));
