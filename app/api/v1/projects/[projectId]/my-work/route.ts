import { apiRoute, json } from "@/lib/api/handler";
import { listMyWork } from "@/lib/workflow/list-my-work";

type Params = { projectId: string };

export const GET = apiRoute<Params>(async (_request, user, { projectId }) => json(await listMyWork(user, projectId)));
