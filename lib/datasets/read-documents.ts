import "server-only";
import { prisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DatasetFilter } from "@/lib/validation/datasets";
import type { AnnotationRow, DocumentRow, SentenceRows } from "./to-export";

export type DocumentBatch = {
  documents: DocumentRow[];
  sentences: Map<string, SentenceRows>;
  annotations: Map<string, AnnotationRow[]>;
  annotators: Map<string, string[]>;
};

const BATCH_SIZE = 200;

/** WHERE clause for the signed-off documents a filter selects. */
export function documentWhere(projectId: string, filter: DatasetFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`d.project_id = ${projectId}`, Prisma.sql`d.state = 'SIGNED_OFF'`];
  if (filter.documentIds?.length) parts.push(Prisma.sql`d.id = ANY(${filter.documentIds}::text[])`);
  if (filter.tags?.length) parts.push(Prisma.sql`d.tags && ${filter.tags}::text[]`);
  if (filter.publishedFrom) parts.push(Prisma.sql`d.published_at >= ${filter.publishedFrom}::date`);
  if (filter.publishedTo) parts.push(Prisma.sql`d.published_at < ${filter.publishedTo}::date + 1`);
  return Prisma.join(parts, " AND ");
}

export async function countDocuments(projectId: string, filter: DatasetFilter): Promise<number> {
  const [row] = await prisma().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM documents d WHERE ${documentWhere(projectId, filter)}`;
  return row?.n ?? 0;
}

/**
 * The selected documents in id order, BATCH_SIZE at a time with a keyset cursor (id > last id),
 * each batch with its sentences (aggregated into arrays: one row per document), annotations of
 * both layers (the annotator layer also feeds the agreement figures) and assigned annotators.
 * Only one batch is in memory at a time, and no connection is held between batches.
 */
export async function* readDocumentBatches(projectId: string, filter: DatasetFilter, batchSize = BATCH_SIZE): AsyncGenerator<DocumentBatch> {
  const where = documentWhere(projectId, filter);
  let after: string | null = null;
  for (;;) {
    const cursor: Prisma.Sql = after === null ? Prisma.empty : Prisma.sql`AND d.id > ${after}`;
    const documents = await prisma().$queryRaw<DocumentRow[]>`
      SELECT d.id, d.title, d.text, d.language, d.source, d.original_source, d.author, d.url, d.published_at,
             d.meta, d.tags, d.signed_off_at, d.signed_off_by_id
      FROM documents d WHERE ${where} ${cursor} ORDER BY d.id LIMIT ${batchSize}`;
    if (documents.length === 0) return;
    const ids = documents.map((d) => d.id);
    const [sentenceRows, annotationRows, assignmentRows] = await Promise.all([
      prisma().$queryRaw<(SentenceRows & { document_id: string })[]>`
        SELECT document_id, array_agg(index ORDER BY index) AS index, array_agg(start ORDER BY index) AS start,
               array_agg("end" ORDER BY index) AS "end", array_agg(kind::text ORDER BY index) AS kind
        FROM sentences WHERE document_id = ANY(${ids}::text[]) GROUP BY document_id`,
      prisma().$queryRaw<AnnotationRow[]>`
        SELECT a.id, a.document_id, a.layer::text AS layer, a.author_id, a.type, a.start, a."end", a.sentence_index, a.attributes,
               COALESCE(m.id, e.id) AS speaker_id, COALESCE(m.name, e.name) AS speaker_name, COALESCE(m.type, e.type)::text AS speaker_type
        FROM annotations a
        LEFT JOIN entities e ON e.id = a.speaker_id
        LEFT JOIN entities m ON m.id = e.merged_into_id
        WHERE a.document_id = ANY(${ids}::text[]) ORDER BY a.document_id, a.id`,
      prisma().$queryRaw<{ document_id: string; users: string[] }[]>`
        SELECT document_id, array_agg(user_id ORDER BY user_id) AS users FROM assignments
        WHERE document_id = ANY(${ids}::text[]) AND role = 'ANNOTATOR' GROUP BY document_id`,
    ]);
    const annotations = new Map<string, AnnotationRow[]>();
    for (const a of annotationRows) {
      const list = annotations.get(a.document_id);
      if (list) list.push(a);
      else annotations.set(a.document_id, [a]);
    }
    yield {
      documents,
      sentences: new Map(sentenceRows.map((s) => [s.document_id, s])),
      annotations,
      annotators: new Map(assignmentRows.map((r) => [r.document_id, r.users])),
    };
    after = documents[documents.length - 1]!.id;
    if (documents.length < batchSize) return;
  }
}
