import { apiRoute } from "@/lib/api/handler";
import { deleteAssignment } from "@/lib/workflow/delete-assignment";

type Params = { assignmentId: string };

export const DELETE = apiRoute<Params>(async (_request, user, { assignmentId }) => {
  await deleteAssignment(user, assignmentId);
  return new Response(null, { status: 204 });
});
