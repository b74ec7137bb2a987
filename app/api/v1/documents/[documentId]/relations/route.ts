import { apiRoute, json, readJson } from "@/lib/api/handler";
import { createRelation } from "@/lib/relations/create-relation";
import { listRelations } from "@/lib/relations/list-relations";

type Params = { documentId: string };

export const GET = apiRoute<Params>(async (request, user, { documentId }) =>
  json(await listRelations(user, documentId, new URL(request.url).searchParams.get("layer"))),
);

// 201 when created, 200 when the client retried a create that had already succeeded.
export const POST = apiRoute<Params>(async (request, user, { documentId }) => {
  const { relation, created } = await createRelation(user, documentId, await readJson(request));
  return json(relation, created ? 201 : 200);
});
