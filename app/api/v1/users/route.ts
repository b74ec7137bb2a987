import { apiRoute, json, readJson } from "@/lib/api/handler";
import { createUser, listUsers } from "@/lib/users/users";

export const GET = apiRoute(async (_request, user) => json({ users: await listUsers(user) }));

export const POST = apiRoute(async (request, user) => json(await createUser(user, await readJson(request)), 201));
