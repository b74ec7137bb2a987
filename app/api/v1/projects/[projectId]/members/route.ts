import { apiRoute, json, readJson } from "@/lib/api/handler";
import { addMember, listMembers } from "@/lib/projects/projects";

type Params = { projectId: string };

export const GET = apiRoute<Params>(async (_request, user, { projectId }) => json({ members: await listMembers(user, projectId) }));

export const POST = apiRoute<Params>(async (request, user, { projectId }) =>
  json(await addMember(user, projectId, await readJson(request)), 201),
);
