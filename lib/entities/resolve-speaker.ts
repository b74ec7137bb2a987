import "server-only";
import crypto from "node:crypto";
import type { Sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import type { SpeakerRef } from "@/lib/validation/annotations";
import { entityTypeEnum } from "./entity-dto";
import { guessEntityType } from "./guess-entity-type";

/**
 * The entity a speaker reference points at: `{id}` of a project entity (a merged one is followed
 * to the entity it was merged into), or `{name}` matched case-insensitively against names and
 * aliases, else created — so a speaker can be added inline while annotating. Runs on the caller's
 * transaction (`prismaSql(tx)` from a Prisma transaction).
 */
export async function resolveSpeaker(tx: Sql, projectId: string, ref: SpeakerRef, path = "attributes.speaker"): Promise<string> {
  if ("id" in ref) {
    // The merge chain in one statement (bounded, in case a chain were ever circular).
    const [last] = await tx.query<{ id: string; merged_into_id: string | null; hops: number }>(
      `WITH RECURSIVE chain AS (
         SELECT id, merged_into_id, 0 AS hops FROM entities WHERE id = $1 AND project_id = $2
         UNION ALL
         SELECT e.id, e.merged_into_id, c.hops + 1 FROM entities e JOIN chain c ON e.id = c.merged_into_id
         WHERE e.project_id = $2 AND c.hops < 10)
       SELECT id, merged_into_id, hops FROM chain ORDER BY hops DESC LIMIT 1`,
      [ref.id, projectId],
    );
    // A chain that leads out of the project (or nowhere) is as unknown as a missing id.
    const entity = last && (!last.merged_into_id || last.hops >= 10) ? last : undefined;
    if (!entity) {
      throw new AppError("validation_failed", `Invalid input — ${path}: no entity ${ref.id} in this project`, { details: { fields: { [path]: ["No such entity in this project"] } } });
    }
    return entity.id;
  }
  const name = ref.name.trim();
  const [existing] = await tx.query<{ id: string }>(
    `SELECT id FROM entities WHERE project_id = $1 AND merged_into_id IS NULL AND (lower(name) = lower($2) OR $2 = ANY(aliases)) LIMIT 1`,
    [projectId, name],
  );
  if (existing) return existing.id;
  // Two annotators naming the same new speaker at once: the second INSERT waits for the first to
  // commit and then does nothing; the re-read (a new snapshot) finds the committed row. Both saves
  // point at one entity. (Prisma's upsert with an empty update is not an ON CONFLICT, so it raced.)
  const [inserted] = await tx.query<{ id: string }>(
    `INSERT INTO entities (id, project_id, name, type, created_at)
     VALUES ($1, $2, $3, $4::"EntityType", now() AT TIME ZONE 'UTC')
     ON CONFLICT (project_id, name) DO NOTHING
     RETURNING id`,
    // No type given: guessed from the name (a ministry is an organisation, "China" a state…).
    [crypto.randomUUID(), projectId, name, entityTypeEnum(ref.type ?? guessEntityType(name))],
  );
  if (inserted) return inserted.id;
  const [winner] = await tx.query<{ id: string }>(`SELECT id FROM entities WHERE project_id = $1 AND name = $2`, [projectId, name]);
  if (!winner) throw new Error(`Entity "${name}" conflicted on insert but cannot be read`);
  return winner.id;
}
