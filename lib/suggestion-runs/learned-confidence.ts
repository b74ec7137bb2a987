import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { SUGGESTION_PRIOR_STRENGTH } from "./prior-strength";
import type { SuggestionRow } from "./suggestion-dto";

type Db = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/** The learned confidence (see prior-strength.ts) is the row's `confidence`. */
export type SuggestionRowWithConfidence = SuggestionRow;

/**
 * Suggestions with their learned confidence, blended in SQL from the stored calibrated confidence
 * (the prior, worth SUGGESTION_PRIOR_STRENGTH decisions) and the project's accept/reject counts
 * of the rule: (k·c + accepted) / (k + accepted + rejected). Filtered by `minConfidence` on the
 * blended value, in text order.
 */
export async function selectSuggestions(
  db: Db,
  projectId: string,
  where: { documentId: string } | { id: string },
  minConfidence = 0,
): Promise<SuggestionRowWithConfidence[]> {
  const k = SUGGESTION_PRIOR_STRENGTH;
  const scope = "documentId" in where ? Prisma.sql`s.document_id = ${where.documentId}` : Prisma.sql`s.id = ${where.id}`;
  return db.$queryRaw<SuggestionRowWithConfidence[]>`
    SELECT * FROM (
      SELECT s.id, s.type, s.start, s."end", s.attributes, s.speaker_name AS "speakerName", s.entity_id AS "entityId",
             s.rule, s.suggester, s.status::text AS status,
             (${k}::float8 * s.confidence + COALESCE(r.accepted, 0)) / (${k}::float8 + COALESCE(r.accepted, 0) + COALESCE(r.rejected, 0)) AS confidence
      FROM suggestions s
      LEFT JOIN suggestion_rule_decisions r ON r.project_id = ${projectId} AND r.rule = s.rule
      WHERE ${scope}
    ) x
    WHERE x.confidence >= ${minConfidence}::float8
    ORDER BY x.start, x."end", x.id`;
}

/** Counts one new decision into the project's tally of its rule (inside the deciding transaction). */
export async function countRuleDecision(db: Db, projectId: string, rule: string, status: "ACCEPTED" | "REJECTED"): Promise<void> {
  const accepted = status === "ACCEPTED" ? 1 : 0;
  await db.$executeRaw`
    INSERT INTO suggestion_rule_decisions (project_id, rule, accepted, rejected, updated_at)
    VALUES (${projectId}, ${rule}, ${accepted}, ${1 - accepted}, now())
    ON CONFLICT (project_id, rule) DO UPDATE
      SET accepted = suggestion_rule_decisions.accepted + EXCLUDED.accepted,
          rejected = suggestion_rule_decisions.rejected + EXCLUDED.rejected,
          updated_at = now()`;
}
