import { apiRoute, json, readJson } from "@/lib/api/handler";
import { createComment } from "@/lib/comments/create-comment";
import { listComments } from "@/lib/comments/list-comments";

type Params = { documentId: string };

export const GET = apiRoute<Params>(async (_request, user, { documentId }) => json({ comments: await listComments(user, documentId) }));

export const POST = apiRoute<Params>(async (request, user, { documentId }) => json(await createComment(user, documentId, await readJson(request)), 201));
