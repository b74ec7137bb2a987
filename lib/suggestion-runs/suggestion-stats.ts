import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { SUGGESTION_PRIOR_STRENGTH } from "./prior-strength";
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

export type RuleCounts = {
  suggester: string;
  rule: string;
  accepted: number;
  rejected: number;
  pending: number;
  /** Mean stored (calibrated) confidence of the rule's suggestions, and the same after the project's decisions. */
  calibrated: number;
  learned: number;
};

/** The same counts per rule, for finding the rule that misfires; rules with decisions first. */
export async function getRuleCounts(user: AuthenticatedUser, projectId: string): Promise<RuleCounts[]> {
  await requireProjectPermission(user, projectId, "suggestions.manage");
  return prisma().$queryRaw<RuleCounts[]>`
    SELECT s.suggester, s.rule,
           count(*) FILTER (WHERE s.status = 'ACCEPTED')::int AS accepted,
           count(*) FILTER (WHERE s.status = 'REJECTED')::int AS rejected,
           count(*) FILTER (WHERE s.status = 'PENDING')::int AS pending,
           avg(s.confidence)::float8 AS calibrated,
           (${SUGGESTION_PRIOR_STRENGTH}::float8 * avg(s.confidence) + COALESCE(max(r.accepted), 0))
             / (${SUGGESTION_PRIOR_STRENGTH}::float8 + COALESCE(max(r.accepted), 0) + COALESCE(max(r.rejected), 0)) AS learned
    FROM suggestions s JOIN documents d ON d.id = s.document_id
    LEFT JOIN suggestion_rule_decisions r ON r.project_id = d.project_id AND r.rule = s.rule
    WHERE d.project_id = ${projectId}
    GROUP BY s.suggester, s.rule
    ORDER BY count(*) FILTER (WHERE s.status <> 'PENDING') DESC, s.rule ASC`;
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
