import { apiRoute, json, readJson } from "@/lib/api/handler";
import { createAssignment } from "@/lib/workflow/create-assignment";
import { listDocumentAssignments } from "@/lib/workflow/list-assignments";

type Params = { documentId: string };

export const GET = apiRoute<Params>(async (_request, user, { documentId }) => json({ assignments: await listDocumentAssignments(user, documentId) }));

export const POST = apiRoute<Params>(async (request, user, { documentId }) => json(await createAssignment(user, documentId, await readJson(request)), 201));
