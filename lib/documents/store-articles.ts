import "server-only";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { newId } from "@/lib/db/new-id";
import { pgTransaction, sql } from "@/lib/db/sql";
import type { ArticleToImport } from "./import-article";
import type { PreparedArticle } from "./prepare-article";
import { copyText, sentenceTexts } from "./sentence-texts";

/** An article ready to store: what the import job computed for it, and the line it came from. */
export type ArticleToStore = {
  article: ArticleToImport;
  prepared: PreparedArticle;
  normalizedHash: string;
  publishedAt: Date | null;
  importKey: string | null;
};

export type StoredRow = { id: string; normalizedHash: string };
export type ExistingDocument = { id: string; title: string; importKey: string | null; sentenceCount: number; normalizedHash: string };

/** The project's documents with these normalised hashes (duplicates, or lines a crashed run stored). */
export async function findByHashes(projectId: string, hashes: string[]): Promise<Map<string, ExistingDocument>> {
  if (hashes.length === 0) return new Map();
  const rows = await sql().query<{ id: string; title: string; import_key: string | null; sentence_count: number; normalized_hash: string }>(
    `SELECT id, title, import_key, sentence_count, normalized_hash FROM documents WHERE project_id = $1 AND normalized_hash = ANY($2::text[])`,
    [projectId, hashes],
  );
  return new Map(rows.map((r) => [r.normalized_hash, { id: r.id, title: r.title, importKey: r.import_key, sentenceCount: r.sentence_count, normalizedHash: r.normalized_hash }]));
}

const INSERT_DOCUMENTS = `INSERT INTO documents (id, project_id, created_by_id, created_at, title, text, text_sha256, normalized_hash, char_count,
    sentence_count, language, source, original_source, author, url, published_at, meta, tags, import_key)
  SELECT d.id, $1, $2, $3::timestamp(3), d.title, d.text, d.sha, d.hash, d.chars, d.sentences, d.language, d.source, d.original_source,
    d.author, d.url, d.published_at::timestamp(3), d.meta::jsonb, ARRAY(SELECT jsonb_array_elements_text(d.tags::jsonb)), d.import_key
  FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[], $11::text[], $12::text[], $13::text[],
              $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[])
    WITH ORDINALITY AS d(id, title, text, sha, hash, chars, sentences, language, source, original_source, author, url, published_at, meta, tags, import_key, ord)
  ORDER BY d.ord
  ON CONFLICT (project_id, normalized_hash) DO NOTHING
  RETURNING id, normalized_hash`;

/** COPY text rows of the sentences, each with its text (escaped) and the document's language. */
function* sentenceRows(docs: { id: string; text: string; prepared: PreparedArticle }[]): Generator<string> {
  for (const { id, text, prepared } of docs) {
    const texts = sentenceTexts(text, prepared.segments);
    const language = copyText(prepared.language);
    const lines: string[] = [];
    prepared.segments.forEach((s, i) =>
      lines.push(`${id}\t${i}\t${s.start}\t${s.end}\t${s.kind === "boilerplate" ? "BOILERPLATE" : "CONTENT"}\t${copyText(texts[i]!)}\t${language}\n`),
    );
    yield lines.join("");
  }
}

async function insertBatch(client: pg.PoolClient, projectId: string, userId: string | null, batch: ArticleToStore[]): Promise<StoredRow[]> {
  const ids = batch.map(() => newId());
  const col = <T>(pick: (a: ArticleToStore) => T) => batch.map(pick);
  const { rows } = await client.query<{ id: string; normalized_hash: string }>(INSERT_DOCUMENTS, [
    projectId,
    userId,
    new Date().toISOString(),
    ids,
    col((a) => a.prepared.title),
    col((a) => a.article.text),
    col((a) => a.prepared.textSha256),
    col((a) => a.normalizedHash),
    col((a) => a.prepared.charCount),
    col((a) => a.prepared.segments.length),
    col((a) => a.prepared.language),
    col((a) => a.article.source ?? null),
    col((a) => a.article.originalSource ?? null),
    col((a) => a.article.author ?? null),
    col((a) => a.article.url ?? null),
    col((a) => a.publishedAt?.toISOString() ?? null),
    col((a) => JSON.stringify(a.article.meta ?? {})),
    col((a) => JSON.stringify(a.article.tags ?? [])),
    col((a) => a.importKey),
  ]);
  const inserted = new Set(rows.map((r) => r.id));
  const stored = batch.flatMap((a, i) => (inserted.has(ids[i]!) ? [{ id: ids[i]!, text: a.article.text, prepared: a.prepared }] : []));
  if (stored.some((d) => d.prepared.segments.length > 0)) {
    await pipeline(Readable.from(sentenceRows(stored)), client.query(copyFrom(`COPY sentences (document_id, index, start, "end", kind, text, language) FROM STDIN`)));
  }
  return rows.map((r) => ({ id: r.id, normalizedHash: r.normalized_hash }));
}

/**
 * Stores a batch of documents and their sentences in one transaction: one multi-row INSERT of the
 * documents (a hash already in the project is skipped by ON CONFLICT, the caller reports it) and
 * one COPY of the sentences. All or nothing: the caller retries a failed batch document by document.
 */
export function storeArticles(projectId: string, userId: string | null, batch: ArticleToStore[]): Promise<StoredRow[]> {
  return pgTransaction((client) => insertBatch(client, projectId, userId, batch));
}
