import { apiRoute, json, readJson } from "@/lib/api/handler";
import { createProject, listProjectsForUser } from "@/lib/projects/projects";

export const GET = apiRoute(async (_request, user) => json({ projects: await listProjectsForUser(user) }));

export const POST = apiRoute(async (request, user) => json(await createProject(user, await readJson(request)), 201));
