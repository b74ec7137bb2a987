import "server-only";
import type { Sql } from "@/lib/db/sql";
import type { AnnotationRow } from "./annotation-dto";

// An import stores a whole document's layers at once: thousands of spans and as many audit events
// in one transaction. One INSERT … SELECT FROM unnest(arrays) per table takes tens of milliseconds
// where Prisma's createMany took seconds (6,000 spans: 2.5 s, their audit events 1.5 s), and it is
// one statement whatever the count (createMany splits past PostgreSQL's bind-parameter limit).

/** An annotation as an import stores it: any layer, its own origin, written at `createdAt`. */
export type ImportedAnnotation = Pick<AnnotationRow, "id" | "documentId" | "layer" | "authorId" | "type" | "start" | "end" | "gaps" | "sentenceIndex" | "attributes" | "origin"> & {
  assignmentId?: string | null;
  speakerId: string | null;
  createdAt: Date;
};

/** An audit event row; `before` / `after` are JSON snapshots (absent: NULL). */
export type ImportedAuditEvent = { projectId: string; documentId: string; annotationId?: string | null; actorId: string; action: string; before?: unknown; after?: unknown };

const jsonOrNull = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
// Timestamps are stored without a zone and mean UTC (Prisma's convention).
const utc = (date: Date) => date.toISOString();

export async function insertImportedAnnotations(tx: Sql, rows: readonly ImportedAnnotation[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO annotations (id, document_id, layer, author_id, assignment_id, type, start, "end", gaps, sentence_index, attributes, speaker_id, origin, version, created_at, updated_at)
     SELECT a.id, a.document_id, a.layer::"AnnotationLayer", a.author_id, a.assignment_id, a.type, a.start, a."end", a.gaps::jsonb, a.sentence_index,
            a.attributes::jsonb, a.speaker_id, a.origin, 1, a.at::timestamptz AT TIME ZONE 'UTC', a.at::timestamptz AT TIME ZONE 'UTC'
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::text[], $10::int[], $11::text[], $12::text[], $13::text[], $14::text[])
       AS a(id, document_id, layer, author_id, assignment_id, type, start, "end", gaps, sentence_index, attributes, speaker_id, origin, at)`,
    [
      rows.map((r) => r.id), rows.map((r) => r.documentId), rows.map((r) => r.layer), rows.map((r) => r.authorId), rows.map((r) => r.assignmentId ?? null),
      rows.map((r) => r.type), rows.map((r) => r.start), rows.map((r) => r.end), rows.map((r) => jsonOrNull(r.gaps)), rows.map((r) => r.sentenceIndex),
      rows.map((r) => JSON.stringify(r.attributes ?? {})), rows.map((r) => r.speakerId), rows.map((r) => r.origin), rows.map((r) => utc(r.createdAt)),
    ],
  );
}

/** The events in the given order (their ids ascend with it), all written at `at`. */
export async function insertImportedAuditEvents(tx: Sql, events: readonly ImportedAuditEvent[], at: Date): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO audit_events (project_id, document_id, annotation_id, actor_id, action, before, after, created_at)
     SELECT e.project_id, e.document_id, e.annotation_id, e.actor_id, e.action, e.before::jsonb, e.after::jsonb, $8::timestamptz AT TIME ZONE 'UTC'
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY
       AS e(project_id, document_id, annotation_id, actor_id, action, before, after, n)
     ORDER BY e.n`,
    [
      events.map((e) => e.projectId), events.map((e) => e.documentId), events.map((e) => e.annotationId ?? null), events.map((e) => e.actorId),
      events.map((e) => e.action), events.map((e) => jsonOrNull(e.before)), events.map((e) => jsonOrNull(e.after)), utc(at),
    ],
  );
}
