import { apiRoute, json } from "@/lib/api/handler";
import { getTask } from "@/lib/tasks/tasks";

export const GET = apiRoute<{ taskId: string }>(async (_request, user, { taskId }) => json(await getTask(user, taskId)));
