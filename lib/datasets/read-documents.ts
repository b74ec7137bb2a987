import "server-only";
import { pgPool } from "@/lib/db/pg-pool";
import { readRelationRows, type RelationRow } from "@/lib/relations/export-relations";
import { DEFAULT_DATASET_STATES, type DatasetFilter } from "@/lib/validation/datasets";
import { parseSentences, type AnnotationRow, type DocumentRow, type SentenceRows } from "./to-export";

export type DocumentBatch = {
  documents: DocumentRow[];
  sentences: Map<string, SentenceRows>;
  annotations: Map<string, AnnotationRow[]>;
  annotators: Map<string, string[]>;
  relations: Map<string, RelationRow[]>;
};

/**
 * A batch ends at this many documents or this many code points of text, whichever comes first.
 * `firstDocuments`: a smaller first batch, so the caller starts working sooner (the next batches
 * are fetched while it works).
 */
export type BatchLimits = { documents: number; codePoints: number; firstDocuments?: number };
const LIMITS: BatchLimits = { documents: 100, codePoints: 4_000_000, firstDocuments: 20 };

/**
 * WHERE clause (with its parameters, numbered from $1) for the documents a filter selects: by
 * default the signed-off ones. Dates are UTC days, inclusive; timestamps are stored as UTC.
 */
export function documentWhere(projectId: string, filter: DatasetFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [projectId];
  const parts = ["d.project_id = $1"];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    parts.push(sql(params.length));
  };
  add((n) => `d.state::text = ANY($${n}::text[])`, filter.states?.length ? filter.states : DEFAULT_DATASET_STATES);
  if (filter.documentIds?.length) add((n) => `d.id = ANY($${n}::text[])`, filter.documentIds);
  if (filter.annotatorIds?.length) {
    add((n) => `EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = d.id AND a.role = 'ANNOTATOR' AND a.user_id = ANY($${n}::text[]))`, filter.annotatorIds);
  }
  if (filter.titleContains) add((n) => `d.title ILIKE '%' || $${n} || '%'`, escapeLike(filter.titleContains));
  if (filter.tags?.length) add((n) => `d.tags && $${n}::text[]`, filter.tags);
  if (filter.publishedFrom) add((n) => `d.published_at >= $${n}::date`, filter.publishedFrom);
  if (filter.publishedTo) add((n) => `d.published_at < $${n}::date + 1`, filter.publishedTo);
  if (filter.importedFrom) add((n) => `d.created_at >= $${n}::date`, filter.importedFrom);
  if (filter.importedTo) add((n) => `d.created_at < $${n}::date + 1`, filter.importedTo);
  if (filter.signedOffFrom) add((n) => `d.signed_off_at >= $${n}::date`, filter.signedOffFrom);
  if (filter.signedOffTo) add((n) => `d.signed_off_at < $${n}::date + 1`, filter.signedOffTo);
  return { sql: parts.join(" AND "), params };
}

/** A title search is a substring, not a pattern: % and _ typed by the user match themselves. */
const escapeLike = (text: string) => text.replace(/[\\%_]/gu, (c) => `\\${c}`);

export async function countDocuments(projectId: string, filter: DatasetFilter): Promise<number> {
  const where = documentWhere(projectId, filter);
  const { rows } = await pgPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM documents d WHERE ${where.sql}`, where.params);
  return rows[0]?.n ?? 0;
}

/**
 * The selected documents in id order, a batch at a time with a keyset cursor (id > last id),
 * each batch with its sentences (packed: one row per document), annotations of both layers (the
 * annotator layer also feeds the agreement figures) and assigned annotators. A batch is cut by
 * document count and by text size (a few 5 MB documents must not make a batch of hundreds of MB).
 * At most two batches are in memory (the current one and the next being fetched), and no
 * connection is held between queries.
 */
export async function* readDocumentBatches(projectId: string, filter: DatasetFilter, limits: BatchLimits = LIMITS): AsyncGenerator<DocumentBatch> {
  const where = documentWhere(projectId, filter);
  // The next batch is fetched while the caller works on the current one (one batch ahead).
  const first = { ...limits, documents: Math.min(limits.firstDocuments ?? limits.documents, limits.documents) };
  let next: Promise<{ batch: DocumentBatch; more: boolean } | null> | null = fetchBatch(where, null, first);
  while (next) {
    const fetched: { batch: DocumentBatch; more: boolean } | null = await next;
    if (!fetched) return;
    const batch: DocumentBatch = fetched.batch;
    const more: boolean = fetched.more;
    next = more ? fetchBatch(where, batch.documents[batch.documents.length - 1]!.id, limits) : null;
    // A failed prefetch is reported when it is awaited, not as an unhandled rejection meanwhile.
    next?.catch(() => undefined);
    yield batch;
  }
}

async function fetchBatch(where: { sql: string; params: unknown[] }, after: string | null, limits: BatchLimits): Promise<{ batch: DocumentBatch; more: boolean } | null> {
  const pool = pgPool();
  const n = where.params.length;
  // The cursor condition is only present after the first batch, so every batch is an index
  // range scan from the last id (an "$n IS NULL OR id > $n" would scan from the start each time).
  const cursor = after === null ? "" : `AND d.id > $${n + 2}`;
  const { rows: keys } = await pool.query<{ id: string; char_count: number }>(
    `SELECT d.id, d.char_count FROM documents d WHERE ${where.sql} ${cursor} ORDER BY d.id LIMIT $${n + 1}`,
    after === null ? [...where.params, limits.documents] : [...where.params, limits.documents, after],
  );
  if (keys.length === 0) return null;
  const ids: string[] = [];
  let codePoints = 0;
  for (const k of keys) {
    if (ids.length > 0 && codePoints + k.char_count > limits.codePoints) break;
    ids.push(k.id);
    codePoints += k.char_count;
  }
  const more = ids.length < keys.length || keys.length === limits.documents;
  // Timestamps are stored without a zone and mean UTC, hence AT TIME ZONE 'UTC'.
  const { rows: documents }: { rows: DocumentRow[] } = await pool.query<DocumentRow>(
    `SELECT d.id, d.title, d.text, d.language, d.source, d.original_source, d.author, d.url,
            d.published_at AT TIME ZONE 'UTC' AS published_at, d.meta, d.tags,
            d.signed_off_at AT TIME ZONE 'UTC' AS signed_off_at, d.signed_off_by_id
     FROM documents d WHERE d.id = ANY($1::text[]) ORDER BY d.id`,
    [ids],
  );
  const [sentenceRows, annotationRows, assignmentRows, relations] = await Promise.all([
    // One sort and one text value per document (index,start,end,kind;…): far cheaper than four
    // ordered array aggregates or one JS object per sentence row.
    pool.query<{ document_id: string; s: string }>(
      `SELECT document_id, string_agg(index || ',' || start || ',' || "end" || ',' || kind::text, ';' ORDER BY index) AS s
       FROM sentences WHERE document_id = ANY($1::text[]) GROUP BY document_id`,
      [ids],
    ),
    pool.query<AnnotationRow>(
      `SELECT a.id, a.document_id, a.layer::text AS layer, a.author_id, a.type, a.start, a."end", a.gaps, a.sentence_index, a.attributes,
              COALESCE(m.id, e.id) AS speaker_id, COALESCE(m.name, e.name) AS speaker_name, COALESCE(m.type, e.type)::text AS speaker_type,
              -- Further speakers of a joint statement, in stored order, merged entities followed.
              CASE WHEN jsonb_typeof(a.attributes->'coSpeakers') = 'array' THEN (
                SELECT json_agg(json_build_object('id', COALESCE(cm.id, ce.id), 'name', COALESCE(cm.name, ce.name), 'type', COALESCE(cm.type, ce.type)::text) ORDER BY c.ord)
                FROM jsonb_array_elements_text(a.attributes->'coSpeakers') WITH ORDINALITY AS c(id, ord)
                JOIN entities ce ON ce.id = c.id LEFT JOIN entities cm ON cm.id = ce.merged_into_id) END AS co_speakers
       FROM annotations a
       LEFT JOIN entities e ON e.id = a.speaker_id
       LEFT JOIN entities m ON m.id = e.merged_into_id
       WHERE a.document_id = ANY($1::text[]) ORDER BY a.document_id, a.id`,
      [ids],
    ),
    pool.query<{ document_id: string; users: string[] }>(
      `SELECT document_id, array_agg(user_id ORDER BY user_id) AS users FROM assignments
       WHERE document_id = ANY($1::text[]) AND role = 'ANNOTATOR' GROUP BY document_id`,
      [ids],
    ),
    readRelationRows(pool, ids),
  ]);
  const annotations = new Map<string, AnnotationRow[]>();
  for (const a of annotationRows.rows) {
    const list = annotations.get(a.document_id);
    if (list) list.push(a);
    else annotations.set(a.document_id, [a]);
  }
  return {
    more,
    batch: {
      documents,
      sentences: new Map(sentenceRows.rows.map((r) => [r.document_id, parseSentences(r.s)])),
      annotations,
      annotators: new Map(assignmentRows.rows.map((r) => [r.document_id, r.users])),
      relations,
    },
  };
}
