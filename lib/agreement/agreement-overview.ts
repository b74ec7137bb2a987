import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import type { AgreementOverview, AgreementReportDto, AgreementTaskDto } from "@/lib/validation/agreement";
import { ABANDONED_AFTER_MS } from "./agreement-task";
import { CHANGES_SINCE_CAP, countChangesSince } from "./data-version";
import { getProjectAgreement } from "./project-agreement";

/**
 * What the agreement page and `GET /api/v1/projects/{id}/agreement` show: the cached project
 * report with its freshness and the recompute in progress. One document (`documentId`) is small
 * enough to compute live, so it has no cache.
 */
export async function getAgreementOverview(user: AuthenticatedUser, projectId: string, options: { documentId?: string | null } = {}): Promise<AgreementOverview> {
  await requireProjectPermission(user, projectId, "agreement.view");
  if (options.documentId) {
    const result = await getProjectAgreement(user, projectId, { documentId: options.documentId });
    return {
      scope: "document",
      result,
      freshness: { state: "fresh", computedAt: new Date().toISOString(), changesSince: 0, changesSinceCap: CHANGES_SINCE_CAP },
      task: null,
    };
  }

  const [cached, latestTask] = await Promise.all([
    prisma().agreementResult.findUnique({ where: { projectId }, select: { result: true, dataVersion: true, computedAt: true, taskId: true } }),
    prisma().task.findFirst({
      where: { projectId, kind: "AGREEMENT" },
      orderBy: { createdAt: "desc" },
      select: { id: true, status: true, done: true, total: true, error: true, createdAt: true, updatedAt: true },
    }),
  ]);
  const changesSince = cached ? await countChangesSince(projectId, cached.dataVersion) : 0;
  const active = latestTask && (latestTask.status === "QUEUED" || latestTask.status === "RUNNING") && latestTask.updatedAt.getTime() > Date.now() - ABANDONED_AFTER_MS;
  const failedSinceResult = latestTask?.status === "FAILED" && latestTask.id !== cached?.taskId;
  const task: AgreementTaskDto | null =
    latestTask && (active || failedSinceResult)
      ? { id: latestTask.id, status: latestTask.status, done: latestTask.done, total: latestTask.total, error: latestTask.error, createdAt: latestTask.createdAt.toISOString() }
      : null;
  return {
    scope: "project",
    result: cached ? (cached.result as AgreementReportDto) : null,
    freshness: {
      state: !cached ? "missing" : changesSince > 0 ? "stale" : "fresh",
      computedAt: cached ? cached.computedAt.toISOString() : null,
      changesSince,
      changesSinceCap: CHANGES_SINCE_CAP,
    },
    task,
  };
}
