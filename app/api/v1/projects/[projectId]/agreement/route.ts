import { getProjectAgreement } from "@/lib/agreement/project-agreement";
import { apiRoute, json } from "@/lib/api/handler";

type Params = { projectId: string };

export const GET = apiRoute<Params>(async (request, user, { projectId }) => {
  const documentId = new URL(request.url).searchParams.get("documentId");
  return json(await getProjectAgreement(user, projectId, { documentId }));
});
