import { apiRoute, json } from "@/lib/api/handler";
import { setCommentResolved } from "@/lib/comments/resolve-comment";

type Params = { commentId: string };

export const POST = apiRoute<Params>(async (_request, user, { commentId }) => json(await setCommentResolved(user, commentId, true)));
