import "server-only";
import type { EntityType } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
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
const COLUMNS = Prisma.sql`a.id, a.document_id AS "documentId", a.layer::text AS layer, a.author_id AS "authorId", a.type,
  a.start, a."end", a.sentence_index AS "sentenceIndex", a.attributes, a.origin, a.version,
  to_char(a.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt",
  e.id AS "speakerId", e.name AS "speakerName", e.type::text AS "speakerType",
  CASE WHEN a.start IS NOT NULL AND a."end" IS NOT NULL THEN substr(d.text, a.start + 1, a."end" - a.start) END AS text`;

const UTC_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

function toDto(row: SqlRow): AnnotationDto {
  const { speakerId, speakerName, speakerType, text, updatedAt, ...rest } = row;
  const speaker = speakerId ? { id: speakerId, name: speakerName!, type: speakerType! } : null;
  return { ...toAnnotationDto({ ...rest, updatedAt: new Date(updatedAt), speaker }), text };
}

function first(rows: SqlRow[]): AnnotationDto | null {
  return rows[0] ? toDto(rows[0]) : null;
}

/** One annotation as its DTO (with the covered text), or null. */
export async function readAnnotation(tx: Prisma.TransactionClient, id: string): Promise<AnnotationDto | null> {
  return first(await tx.$queryRaw<SqlRow[]>`
    SELECT ${COLUMNS} FROM annotations a JOIN documents d ON d.id = a.document_id LEFT JOIN entities e ON e.id = a.speaker_id
    WHERE a.id = ${id}`);
}

export type NewAnnotation = {
  id: string;
  documentId: string;
  authorId: string;
  assignmentId: string;
  type: string;
  start: number | null;
  end: number | null;
  sentenceIndex: number | null;
  attributes: Record<string, unknown>;
  speakerId: string | null;
  origin: string;
};

/** Inserts an annotator-layer annotation; null when the id exists already (a retried create). */
export async function insertAnnotation(tx: Prisma.TransactionClient, a: NewAnnotation): Promise<AnnotationDto | null> {
  return first(await tx.$queryRaw<SqlRow[]>`
    WITH a AS (
      INSERT INTO annotations (id, document_id, layer, author_id, assignment_id, type, start, "end", sentence_index, attributes, speaker_id, origin, created_at, updated_at)
      VALUES (${a.id}, ${a.documentId}, 'ANNOTATOR', ${a.authorId}, ${a.assignmentId}, ${a.type}, ${a.start}::int, ${a.end}::int, ${a.sentenceIndex}::int,
        ${JSON.stringify(a.attributes)}::jsonb, ${a.speakerId}::text, ${a.origin}, ${UTC_NOW}, ${UTC_NOW})
      ON CONFLICT (id) DO NOTHING
      RETURNING *)
    SELECT ${COLUMNS} FROM a JOIN documents d ON d.id = a.document_id LEFT JOIN entities e ON e.id = a.speaker_id`);
}

export type AnnotationChange = { start: number | null; end: number | null; attributes: unknown; speakerId: string | null };

/** Writes the new state if `version` is still current (check and write in one step); null if not. */
export async function updateAnnotationRow(tx: Prisma.TransactionClient, id: string, version: number, c: AnnotationChange): Promise<AnnotationDto | null> {
  return first(await tx.$queryRaw<SqlRow[]>`
    WITH a AS (
      UPDATE annotations SET start = ${c.start}::int, "end" = ${c.end}::int, attributes = ${JSON.stringify(c.attributes ?? {})}::jsonb,
        speaker_id = ${c.speakerId}::text, version = version + 1, updated_at = ${UTC_NOW}
      WHERE id = ${id} AND version = ${version}
      RETURNING *)
    SELECT ${COLUMNS} FROM a JOIN documents d ON d.id = a.document_id LEFT JOIN entities e ON e.id = a.speaker_id`);
}

/** The audit row of an annotation change. */
export async function insertAuditEvent(
  tx: Prisma.TransactionClient,
  e: { projectId: string; documentId: string; annotationId: string; actorId: string; action: string; before?: AnnotationDto; after?: AnnotationDto },
): Promise<void> {
  const json = (dto?: AnnotationDto) => (dto ? JSON.stringify(dto) : null);
  await tx.$executeRaw`
    INSERT INTO audit_events (project_id, document_id, annotation_id, actor_id, action, before, after, created_at)
    VALUES (${e.projectId}, ${e.documentId}, ${e.annotationId}, ${e.actorId}, ${e.action}, ${json(e.before)}::jsonb, ${json(e.after)}::jsonb, ${UTC_NOW})`;
}
