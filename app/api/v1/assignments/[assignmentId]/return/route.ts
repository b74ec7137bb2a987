import { apiRoute, json, readJson } from "@/lib/api/handler";
import { returnAssignment } from "@/lib/workflow/return-assignment";

type Params = { assignmentId: string };

export const POST = apiRoute<Params>(async (request, user, { assignmentId }) => json(await returnAssignment(user, assignmentId, await readJson(request))));
