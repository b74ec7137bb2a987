import "server-only";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import type { ImportResult } from "@/lib/validation/documents";
import type { ArticleToImport } from "./import-article";
import { fingerprintArticle, prepareArticle } from "./prepare-article";
import { findByHashes, storeArticles, type ArticleToStore, type ExistingDocument } from "./store-articles";

/** One article of an upload, with the name and line its result is reported under. */
export type ArticleEntry = { name: string; line?: number; article: ArticleToImport; importKey: string | null };

// Documents per transaction: big enough that commits and round trips stop mattering, small enough
// that a retry or a lock costs little and memory stays bounded (text bytes cap a batch too).
const BATCH_DOCUMENTS = 50;
const BATCH_BYTES = 4 * 1024 * 1024;

const at = (line: number | undefined) => (line !== undefined ? { line } : {});
const failed = (e: ArticleEntry, code: string, message: string): ImportResult => ({ name: e.name, ...at(e.line), status: "failed", error: { code, message } });

type Pending = { entry: ArticleEntry; index: number; store: ArticleToStore };

/** Consecutive slices of at most BATCH_DOCUMENTS entries and about BATCH_BYTES of text. */
function* batchesOf(entries: ArticleEntry[]): Generator<{ from: number; to: number }> {
  let from = 0;
  while (from < entries.length) {
    let to = from;
    let bytes = 0;
    while (to < entries.length && to - from < BATCH_DOCUMENTS && (to === from || bytes + entries[to]!.article.text.length <= BATCH_BYTES)) {
      bytes += entries[to]!.article.text.length;
      to++;
    }
    yield { from, to };
    from = to;
  }
}

/**
 * Imports articles in batches: each batch is fingerprinted, checked for duplicates with one query,
 * prepared (segmentation, language), and stored in one transaction while the next batch is being
 * prepared. A document whose batch fails is retried alone, so a bad document fails by itself and
 * leaves nothing half-written. Results are in input order.
 */
export async function importArticles(projectId: string, userId: string | null, entries: ArticleEntry[]): Promise<ImportResult[]> {
  const results = new Array<ImportResult>(entries.length);
  // Hash → index of the first entry of this call that carries it; later ones are repeats.
  const firstOf = new Map<string, number>();
  const repeats: { index: number; first: number }[] = [];
  let storing: Promise<void> = Promise.resolve();
  for (const { from, to } of batchesOf(entries)) {
    const candidates: { index: number; hash: string; publishedAt: Date | null }[] = [];
    for (let i = from; i < to; i++) {
      const e = entries[i]!;
      const print = fingerprintArticle(e.article, env().MAX_DOCUMENT_BYTES);
      if ("code" in print) results[i] = failed(e, print.code, print.message);
      else if (firstOf.has(print.normalizedHash)) repeats.push({ index: i, first: firstOf.get(print.normalizedHash)! });
      else {
        firstOf.set(print.normalizedHash, i);
        candidates.push({ index: i, hash: print.normalizedHash, publishedAt: print.publishedAt });
      }
    }
    // Looked up and prepared while the previous batch is being stored (its hashes are in firstOf).
    const existing = await findByHashes(projectId, candidates.map((c) => c.hash));
    const pending: Pending[] = [];
    for (const c of candidates) {
      const e = entries[c.index]!;
      const found = existing.get(c.hash);
      if (found) results[c.index] = reportExisting(e, found);
      else pending.push({ entry: e, index: c.index, store: { article: e.article, prepared: prepareArticle(e.article), normalizedHash: c.hash, publishedAt: c.publishedAt, importKey: e.importKey } });
    }
    await storing;
    storing = storeBatch(projectId, userId, pending, results);
  }
  await storing;
  // The same article twice in one upload: the later one is a duplicate of what the first became.
  for (const { index, first } of repeats) {
    const e = entries[index]!;
    const r = results[first];
    const existingId = r?.status === "imported" ? r.id : r?.status === "duplicate" ? r.existingId : undefined;
    results[index] = existingId ? { name: e.name, ...at(e.line), status: "duplicate", existingId, title: r?.title ?? "" } : failed(e, "internal", "The article could not be stored; nothing was saved for it.");
  }
  return results;
}

function reportExisting(e: ArticleEntry, found: ExistingDocument): ImportResult {
  // A batch re-run after a crash finds the lines it stored before: they count as imported, once.
  if (e.importKey && found.importKey === e.importKey) return { name: e.name, ...at(e.line), status: "imported", id: found.id, title: found.title, sentenceCount: found.sentenceCount };
  return { name: e.name, ...at(e.line), status: "duplicate", existingId: found.id, title: found.title };
}

async function storeBatch(projectId: string, userId: string | null, pending: Pending[], results: ImportResult[]): Promise<void> {
  if (pending.length === 0) return;
  try {
    await storeAndReport(projectId, userId, pending, results);
  } catch (error) {
    if (pending.length === 1) {
      const { entry, index } = pending[0]!;
      if (isAppError(error)) results[index] = failed(entry, error.code, error.message);
      else {
        console.error("import failed", error);
        results[index] = failed(entry, "internal", "The article could not be stored; nothing was saved for it.");
      }
      return;
    }
    // One document spoiled the batch: store each alone, so only that one fails.
    for (const p of pending) await storeBatch(projectId, userId, [p], results);
  }
}

async function storeAndReport(projectId: string, userId: string | null, pending: Pending[], results: ImportResult[]): Promise<void> {
  const stored = new Map((await storeArticles(projectId, userId, pending.map((p) => p.store))).map((r) => [r.normalizedHash, r.id]));
  // Skipped by ON CONFLICT: another import stored the same text meanwhile (or this line, before a crash).
  const raced = await findByHashes(projectId, pending.filter((p) => !stored.has(p.store.normalizedHash)).map((p) => p.store.normalizedHash));
  for (const { entry, index, store } of pending) {
    const id = stored.get(store.normalizedHash);
    if (id !== undefined) {
      const { title, segments } = store.prepared;
      results[index] = { name: entry.name, ...at(entry.line), status: "imported", id, title, sentenceCount: segments.length };
      continue;
    }
    const winner = raced.get(store.normalizedHash);
    results[index] = winner ? reportExisting(entry, winner) : failed(entry, "internal", "The article could not be stored; nothing was saved for it.");
  }
}
