import { getAgreementOverview } from "@/lib/agreement/agreement-overview";
import { startAgreementRun } from "@/lib/agreement/agreement-task";
import { apiRoute, json, readJson } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/route-params";
import { agreementQuerySchema } from "@/lib/validation/agreement";

type Params = { projectId: string };

export const GET = apiRoute<Params>(async (request, user, { projectId }) => {
  const { documentId } = parseQuery(request, agreementQuerySchema);
  return json(await getAgreementOverview(user, projectId, { documentId: documentId ?? null }));
});

/** Starts a recompute (202); while one is queued or running, returns that one (200). The body may be empty. */
export const POST = apiRoute<Params>(async (request, user, { projectId }) => {
  const empty = !request.headers.get("content-type") && !Number(request.headers.get("content-length") ?? "0");
  const run = await startAgreementRun(user, projectId, empty ? {} : await readJson(request));
  return json(run, run.created ? 202 : 200);
});
