import { apiRoute, json, readJson } from "@/lib/api/handler";
import { requireProjectPermission } from "@/lib/auth/project-access";
import { createSuggestionTask } from "@/lib/suggestion-runs/suggestion-task";

type Params = { projectId: string };

// Queues a re-run for the chosen documents; poll GET /api/v1/tasks/{taskId}.
export const POST = apiRoute<Params>(async (request, user, { projectId }) => {
  // Permission before reading the body, so a non-manager learns nothing about its validity.
  await requireProjectPermission(user, projectId, "suggestions.manage");
  return json(await createSuggestionTask(user, projectId, await readJson(request)), 202);
});
