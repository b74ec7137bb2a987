import { apiRoute, json, readJson } from "@/lib/api/handler";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { listAnnotations } from "@/lib/annotations/list-annotations";

type Params = { documentId: string };

export const GET = apiRoute<Params>(async (request, user, { documentId }) =>
  json(await listAnnotations(user, documentId, new URL(request.url).searchParams.get("layer"))),
);

// 201 when created, 200 when the client retried a create that had already succeeded.
export const POST = apiRoute<Params>(async (request, user, { documentId }) => {
  const { annotation, created } = await createAnnotation(user, documentId, await readJson(request));
  return json(annotation, created ? 201 : 200);
});
