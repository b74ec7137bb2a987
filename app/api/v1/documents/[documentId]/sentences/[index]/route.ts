import { apiRoute, json, readJson } from "@/lib/api/handler";
import { setSentenceKind } from "@/lib/documents/manage-document";

export const PATCH = apiRoute<{ documentId: string; index: string }>(async (request, user, { documentId, index }) =>
  json(await setSentenceKind(user, documentId, Number(index), await readJson(request))),
);
