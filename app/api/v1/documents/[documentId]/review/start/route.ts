import { apiRoute, json } from "@/lib/api/handler";
import { startReview } from "@/lib/review/start-review";

type Params = { documentId: string };

export const POST = apiRoute<Params>(async (_request, user, { documentId }) => json(await startReview(user, documentId)));
