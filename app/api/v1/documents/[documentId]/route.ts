import { apiRoute, json, readJson } from "@/lib/api/handler";
import { getDocument } from "@/lib/documents/get-document";
import { deleteDocument, updateDocument } from "@/lib/documents/manage-document";

type Params = { documentId: string };

export const GET = apiRoute<Params>(async (_request, user, { documentId }) => {
  const { access: _access, ...document } = await getDocument(user, documentId);
  return json(document);
});

export const PATCH = apiRoute<Params>(async (request, user, { documentId }) => json(await updateDocument(user, documentId, await readJson(request))));

export const DELETE = apiRoute<Params>(async (_request, user, { documentId }) => {
  await deleteDocument(user, documentId);
  return new Response(null, { status: 204 });
});
