import { apiRoute, json, readJson } from "@/lib/api/handler";
import { getProject, updateProject } from "@/lib/projects/projects";

type Params = { projectId: string };

export const GET = apiRoute<Params>(async (_request, user, { projectId }) => {
  const { permissions: _permissions, ...project } = await getProject(user, projectId);
  return json(project);
});

export const PATCH = apiRoute<Params>(async (request, user, { projectId }) => {
  await updateProject(user, projectId, await readJson(request));
  const { permissions: _permissions, ...project } = await getProject(user, projectId);
  return json(project);
});
