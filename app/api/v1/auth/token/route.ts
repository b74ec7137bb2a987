import { json, publicRoute, readJson } from "@/lib/api/handler";
import { createApiToken } from "@/lib/auth/api-tokens";
import { verifyCredentials } from "@/lib/auth/verify-credentials";

export const POST = publicRoute(async (request) => {
  const body = (await readJson(request)) as Record<string, unknown> | null;
  const user = await verifyCredentials(body);
  const name = typeof body?.name === "string" && body.name.trim() ? body.name.trim().slice(0, 100) : "API token";
  const token = await createApiToken(user.id, name);
  return json({ token: token.token, id: token.id, name: token.name }, 201);
});
