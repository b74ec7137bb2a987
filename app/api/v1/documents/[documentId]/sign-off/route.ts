import { apiRoute, json } from "@/lib/api/handler";
import { signOffDocument } from "@/lib/review/sign-off-document";

type Params = { documentId: string };

export const POST = apiRoute<Params>(async (_request, user, { documentId }) => json(await signOffDocument(user, documentId)));
