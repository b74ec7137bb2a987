import { apiRoute, json, readJson } from "@/lib/api/handler";
import { deleteRelation, updateRelation } from "@/lib/relations/change-relation";

type Params = { relationId: string };

export const PATCH = apiRoute<Params>(async (request, user, { relationId }) => json(await updateRelation(user, relationId, await readJson(request))));

// The version comes as ?version= or in a JSON body, as for annotations.
export const DELETE = apiRoute<Params>(async (request, user, { relationId }) => {
  const version = new URL(request.url).searchParams.get("version");
  const input = version !== null ? { version } : request.headers.get("content-type") ? await readJson(request) : {};
  await deleteRelation(user, relationId, input);
  return new Response(null, { status: 204 });
});
