import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { LabelSchema } from "@/lib/schema/label-schema";
import { resolveCorpusFilter } from "@/lib/search/corpus-filter";
import { ANALYTICS_VIEWS, analyticsQuerySchema, type AnalyticsResult, type AnalyticsView, type StanceGroup } from "@/lib/validation/analytics";
import { parseOrThrow } from "@/lib/validation/parse";
import { outletsView } from "./outlets-view";
import { speakersView } from "./speakers-view";
import { stanceView } from "./stance-view";
import { timelineView } from "./timeline-view";

/**
 * One analytics view over the project's annotations, gold layer by default, with the search
 * filters. Members only; annotators see their own layer and gold of signed-off documents.
 */
export async function runAnalytics(user: AuthenticatedUser, projectId: string, view: string, params: Record<string, string>): Promise<AnalyticsResult> {
  const access = await requireProjectPermission(user, projectId, "documents.view");
  if (!(ANALYTICS_VIEWS as readonly string[]).includes(view)) throw new AppError("not_found", `Unknown analytics view "${view}"; use one of ${ANALYTICS_VIEWS.join(", ")}.`);
  const query = parseOrThrow(analyticsQuerySchema, params);
  if (query.groupBy && view !== "stance") throw invalid("groupBy", "groupBy applies to the stance view only.");
  if (query.interval && view !== "timeline") throw invalid("interval", "interval applies to the timeline view only.");
  if (query.groupBy?.includes("holder")) throw invalid("groupBy", "Stance holders are not part of this project's model yet; group by speaker instead.");
  const project = await prisma().project.findUniqueOrThrow({ where: { id: projectId }, select: { labelSchema: true } });
  const filter = await resolveCorpusFilter(user, access, project.labelSchema as unknown as LabelSchema, query, "gold");
  const layer = query.layer ?? "gold";
  switch (view as AnalyticsView) {
    case "stance":
      return { view: "stance", layer, rows: await stanceView(filter, (query.groupBy ?? ["target"]) as StanceGroup[]) };
    case "speakers":
      return { view: "speakers", layer, rows: await speakersView(filter) };
    case "outlets":
      return { view: "outlets", layer, rows: await outletsView(filter) };
    case "timeline":
      return { view: "timeline", layer, rows: await timelineView(filter, query.interval ?? "month") };
  }
}

function invalid(field: string, message: string): AppError {
  return new AppError("validation_failed", message, { details: { fields: { [field]: [message] } } });
}
