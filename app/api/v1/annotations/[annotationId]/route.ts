import { apiRoute, json, readJson } from "@/lib/api/handler";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/change-annotation";

type Params = { annotationId: string };

export const PATCH = apiRoute<Params>(async (request, user, { annotationId }) => json(await updateAnnotation(user, annotationId, await readJson(request))));

// The version comes as ?version= (DELETE bodies are often dropped by proxies) or in a JSON body.
export const DELETE = apiRoute<Params>(async (request, user, { annotationId }) => {
  const version = new URL(request.url).searchParams.get("version");
  const input = version !== null ? { version } : request.headers.get("content-type") ? await readJson(request) : {};
  await deleteAnnotation(user, annotationId, input);
  return new Response(null, { status: 204 });
});
