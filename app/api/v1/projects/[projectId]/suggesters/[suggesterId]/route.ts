import { apiRoute } from "@/lib/api/handler";
import { deleteExternalSuggester } from "@/lib/external-suggesters/manage";

type Params = { projectId: string; suggesterId: string };

export const DELETE = apiRoute<Params>(async (_request, user, { projectId, suggesterId }) => {
  await deleteExternalSuggester(user, projectId, suggesterId);
  return new Response(null, { status: 204 });
});
