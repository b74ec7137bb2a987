import "server-only";
import type { Sql } from "@/lib/db/sql";
import type { EntityType } from "@/lib/generated/prisma/client";
import { normaliseGaps } from "@/lib/spans/span-gaps";
import type { SpanGap } from "@/lib/validation/annotations";
import { toAnnotationDto, type AnnotationDto, type AnnotationRow } from "./annotation-dto";

// The save path's reads and writes in SQL: each returns the annotation with its speaker and the
// covered text in the same statement. substr() on a UTF-8 database counts code points, the unit of
// our offsets, so the document text never travels to the app for a save.

type SqlRow = Omit<AnnotationRow, "updatedAt" | "speaker"> & {
  updatedAt: string;
  speakerId: string | null;
  speakerName: string | null;
  speakerType: EntityType | null;
  text: string | null;
};

// updated_at is stored as UTC without a zone (Prisma's convention); formatted here so the DTO
// carries exactly what Prisma's Date.toISOString() would.
const COLUMNS = `a.id, a.document_id AS "documentId", a.layer::text AS layer, a.author_id AS "authorId", a.type,
  a.start, a."end", a.gaps, a.sentence_index AS "sentenceIndex", a.attributes, a.origin, a.version,
  to_char(a.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt",
  e.id AS "speakerId", e.name AS "speakerName", e.type::text AS "speakerType",
  CASE WHEN a.start IS NOT NULL AND a."end" IS NOT NULL THEN substr(d.text, a.start + 1, a."end" - a.start) END AS text`;
const JOINS = `JOIN documents d ON d.id = a.document_id LEFT JOIN entities e ON e.id = a.speaker_id`;
const UTC_NOW = `(now() AT TIME ZONE 'UTC')`;

/** The gaps column's value: SQL NULL for a contiguous span. */
const gapsJson = (gaps: readonly SpanGap[] | null | undefined) => {
  const stored = normaliseGaps(gaps);
  return stored ? JSON.stringify(stored) : null;
};

function first(rows: SqlRow[]): AnnotationDto | null {
  const row = rows[0];
  if (!row) return null;
  const { speakerId, speakerName, speakerType, text, updatedAt, ...rest } = row;
  const speaker = speakerId ? { id: speakerId, name: speakerName!, type: speakerType! } : null;
  return { ...toAnnotationDto({ ...rest, updatedAt: new Date(updatedAt), speaker }), text };
}

/** One annotation as its DTO (with the covered text), or null. */
export async function readAnnotation(tx: Sql, id: string): Promise<AnnotationDto | null> {
  return first(await tx.query<SqlRow>(`SELECT ${COLUMNS} FROM annotations a ${JOINS} WHERE a.id = $1`, [id]));
}

/** What an annotation says, as it is written: the DTO's content (gaps null or absent when contiguous), the speaker by id. */
export type AnnotationContent = Pick<AnnotationDto, "type" | "start" | "end" | "sentenceIndex" | "attributes"> & { gaps?: SpanGap[] | null; speakerId: string | null };

export type NewAnnotation = AnnotationContent & {
  id: string;
  documentId: string;
  authorId: string;
  assignmentId: string;
  origin: string;
};

/** Inserts an annotator-layer annotation; null when the id exists already (a retried create). */
export async function insertAnnotation(tx: Sql, a: NewAnnotation): Promise<AnnotationDto | null> {
  const rows = await tx.query<SqlRow>(
    `WITH a AS (
      INSERT INTO annotations (id, document_id, layer, author_id, assignment_id, type, start, "end", sentence_index, attributes, speaker_id, origin, gaps, created_at, updated_at)
      VALUES ($1, $2, 'ANNOTATOR', $3, $4, $5, $6::int, $7::int, $8::int, $9::jsonb, $10::text, $11, $12::jsonb, ${UTC_NOW}, ${UTC_NOW})
      ON CONFLICT (id) DO NOTHING
      RETURNING *)
    SELECT ${COLUMNS} FROM a ${JOINS}`,
    [a.id, a.documentId, a.authorId, a.assignmentId, a.type, a.start, a.end, a.sentenceIndex, JSON.stringify(a.attributes), a.speakerId, a.origin, gapsJson(a.gaps)],
  );
  return first(rows);
}

export type AnnotationChange = { start: number | null; end: number | null; gaps: SpanGap[] | null; attributes: unknown; speakerId: string | null };


/** Writes the new state if `version` is still current (check and write in one step); null if not. */
export async function updateAnnotationRow(tx: Sql, id: string, version: number, c: AnnotationChange): Promise<AnnotationDto | null> {
  const rows = await tx.query<SqlRow>(
    `WITH a AS (
      UPDATE annotations SET start = $3::int, "end" = $4::int, attributes = $5::jsonb, speaker_id = $6::text, gaps = $7::jsonb, version = version + 1, updated_at = ${UTC_NOW}
      WHERE id = $1 AND version = $2
      RETURNING *)
    SELECT ${COLUMNS} FROM a ${JOINS}`,
    [id, version, c.start, c.end, JSON.stringify(c.attributes ?? {}), c.speakerId, gapsJson(c.gaps)],
  );
  return first(rows);
}

/** Deletes if `version` is still current; false if not. */
export async function deleteAnnotationRow(tx: Sql, id: string, version: number): Promise<boolean> {
  return (await tx.query(`DELETE FROM annotations WHERE id = $1 AND version = $2 RETURNING id`, [id, version])).length === 1;
}

/** An audit row (who, when, before, after) in the save's transaction. */
export async function insertAuditEvent(
  tx: Sql,
  e: { projectId: string; documentId: string; annotationId?: string | null; actorId: string; action: string; before?: unknown; after?: unknown },
): Promise<void> {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  await tx.query(
    `INSERT INTO audit_events (project_id, document_id, annotation_id, actor_id, action, before, after, created_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, ${UTC_NOW})`,
    [e.projectId, e.documentId, e.annotationId ?? null, e.actorId, e.action, json(e.before), json(e.after)],
  );
}
