import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { precisionBySuggester, type StatusCount, type SuggesterPrecision } from "./precision";

/** Each suggester's precision over the whole project, as measured by what annotators kept. */
export async function getSuggestionStats(user: AuthenticatedUser, projectId: string): Promise<SuggesterPrecision[]> {
  await requireProjectPermission(user, projectId, "suggestions.manage");
  const rows = await prisma().$queryRaw<StatusCount[]>`
    SELECT s.suggester, s.status::text AS status, count(*)::int AS count
    FROM suggestions s JOIN documents d ON d.id = s.document_id
    WHERE d.project_id = ${projectId}
    GROUP BY s.suggester, s.status`;
  return precisionBySuggester(rows);
}

/** Pending and decided suggestions per document of the project, for the re-run list. */
export async function suggestionCountsByDocument(user: AuthenticatedUser, projectId: string): Promise<Map<string, { pending: number; decided: number }>> {
  await requireProjectPermission(user, projectId, "suggestions.manage");
  const rows = await prisma().$queryRaw<{ documentId: string; pending: number; decided: number }[]>`
    SELECT s.document_id AS "documentId",
           count(*) FILTER (WHERE s.status = 'PENDING')::int AS pending,
           count(*) FILTER (WHERE s.status <> 'PENDING')::int AS decided
    FROM suggestions s JOIN documents d ON d.id = s.document_id
    WHERE d.project_id = ${projectId}
    GROUP BY s.document_id`;
  return new Map(rows.map((r) => [r.documentId, { pending: r.pending, decided: r.decided }]));
}
