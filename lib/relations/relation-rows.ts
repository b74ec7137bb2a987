import "server-only";
import { insertAuditEvent } from "@/lib/annotations/annotation-rows";
import type { Sql } from "@/lib/db/sql";
import type { RelationDto } from "@/lib/validation/relations";
import type { RelationEnd } from "./relation-ends";

// The relation save path in plain SQL, like annotation-rows.ts: every function takes the
// transaction's `Sql`, so a save never reaches for the shared pool.

const COLUMNS = `r.id, r.document_id AS "documentId", lower(r.layer::text) AS layer, r.author_id AS "authorId", r.type,
  r.from_id AS "fromId", r.to_id AS "toId", r.origin, r.version,
  to_char(r.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"`;
const UTC_NOW = `(now() AT TIME ZONE 'UTC')`;

export async function readRelation(tx: Sql, id: string): Promise<RelationDto | null> {
  const [row] = await tx.query<RelationDto>(`SELECT ${COLUMNS} FROM annotation_relations r WHERE r.id = $1`, [id]);
  return row ?? null;
}

/** The ends of a relation as the rules need them; missing ids are absent from the map. */
export async function readEnds(tx: Sql, ids: string[]): Promise<Map<string, RelationEnd>> {
  const rows = await tx.query<RelationEnd>(
    `SELECT id, document_id AS "documentId", lower(layer::text) AS layer, author_id AS "authorId", type FROM annotations WHERE id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export type NewRelation = { id: string; documentId: string; layer: "annotator" | "gold"; authorId: string; type: string; fromId: string; toId: string; origin: string };

/** Inserts; null when the id exists already (a retried create) or the same link exists. */
export async function insertRelation(tx: Sql, r: NewRelation): Promise<RelationDto | null> {
  const [row] = await tx.query<RelationDto>(
    `WITH r AS (
      INSERT INTO annotation_relations (id, document_id, layer, author_id, type, from_id, to_id, origin, created_at, updated_at)
      VALUES ($1, $2, upper($3)::"AnnotationLayer", $4, $5, $6, $7, $8, ${UTC_NOW}, ${UTC_NOW})
      ON CONFLICT DO NOTHING RETURNING *)
    SELECT ${COLUMNS} FROM r`,
    [r.id, r.documentId, r.layer, r.authorId, r.type, r.fromId, r.toId, r.origin],
  );
  return row ?? null;
}

/** The relation that already links these ends with this type, if any. */
export async function findSameLink(tx: Sql, fromId: string, toId: string, type: string): Promise<RelationDto | null> {
  const [row] = await tx.query<RelationDto>(`SELECT ${COLUMNS} FROM annotation_relations r WHERE from_id = $1 AND to_id = $2 AND type = $3`, [fromId, toId, type]);
  return row ?? null;
}

export async function updateRelationRow(tx: Sql, id: string, version: number, c: { type: string; fromId: string; toId: string }): Promise<RelationDto | null> {
  const [row] = await tx.query<RelationDto>(
    `WITH r AS (
      UPDATE annotation_relations SET type = $3, from_id = $4, to_id = $5, version = version + 1, updated_at = ${UTC_NOW}
      WHERE id = $1 AND version = $2 RETURNING *)
    SELECT ${COLUMNS} FROM r`,
    [id, version, c.type, c.fromId, c.toId],
  );
  return row ?? null;
}

export async function deleteRelationRow(tx: Sql, id: string, version: number): Promise<boolean> {
  return (await tx.query(`DELETE FROM annotation_relations WHERE id = $1 AND version = $2 RETURNING id`, [id, version])).length === 1;
}

/**
 * Deletes every relation that ends at one of `annotationIds`, each audited as
 * annotation.relation.delete (with the relation in `before`, so the change can be undone the way an
 * annotation deletion is: by creating it again with the same id). The foreign keys would cascade
 * anyway; doing it here first is what puts the deletions in the audit log.
 */
export async function deleteRelationsOf(tx: Sql, context: { projectId: string; actorId: string }, annotationIds: string[]): Promise<RelationDto[]> {
  if (annotationIds.length === 0) return [];
  const rows = await tx.query<RelationDto>(
    `WITH r AS (DELETE FROM annotation_relations WHERE from_id = ANY($1::text[]) OR to_id = ANY($1::text[]) RETURNING *)
    SELECT ${COLUMNS} FROM r ORDER BY r.id`,
    [annotationIds],
  );
  for (const relation of rows) await auditRelation(tx, context, "annotation.relation.delete", relation);
  return rows;
}

export function auditRelation(tx: Sql, context: { projectId: string; actorId: string }, action: string, before: RelationDto | null, after?: RelationDto) {
  const relation = after ?? before!;
  return insertAuditEvent(tx, {
    projectId: context.projectId,
    documentId: relation.documentId,
    annotationId: relation.fromId,
    actorId: context.actorId,
    action,
    before: before ?? undefined,
    after,
  });
}
