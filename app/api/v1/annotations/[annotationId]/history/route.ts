import { apiRoute, json } from "@/lib/api/handler";
import { getAnnotationHistory } from "@/lib/history/annotation-history";

type Params = { annotationId: string };

export const GET = apiRoute<Params>(async (_request, user, { annotationId }) => json(await getAnnotationHistory(user, annotationId)));
