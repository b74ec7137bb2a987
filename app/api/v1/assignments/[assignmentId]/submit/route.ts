import { apiRoute, json, readJson } from "@/lib/api/handler";
import { submitAssignment } from "@/lib/workflow/submit-assignment";

type Params = { assignmentId: string };

// The body is optional: `{ version }` guards against submitting a state you did not see.
export const POST = apiRoute<Params>(async (request, user, { assignmentId }) => {
  const empty = (await request.clone().text()).trim() === "";
  return json(await submitAssignment(user, assignmentId, empty ? {} : await readJson(request)));
});
