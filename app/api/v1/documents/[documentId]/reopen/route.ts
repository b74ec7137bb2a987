import { apiRoute, json, readJson } from "@/lib/api/handler";
import { reopenDocument } from "@/lib/workflow/reopen-document";

type Params = { documentId: string };

export const POST = apiRoute<Params>(async (request, user, { documentId }) => json(await reopenDocument(user, documentId, await readJson(request))));
