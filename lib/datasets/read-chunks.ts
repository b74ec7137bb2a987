import "server-only";
import { StringDecoder } from "node:string_decoder";
import type pg from "pg";
import { pgPool } from "@/lib/db/pg-pool";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { compareEntryNames, type ZipEntry } from "@/lib/export/zip";
import { copyOutRows, literal } from "./copy-out";
import { FINGERPRINT_FILE, INTERNAL_FORMAT } from "./diff";
import { inflateChecked, inflateWhole } from "./inflate-check";

/**
 * A stored file's chunks as stored (deflated or not), one chunk (≤ about 1 MB) per short binary
 * COPY: no cursor or connection is held between chunks, so a client that stops reading frees the
 * database at once. `client`: a transaction's connection (every read then goes through it), else the pool's.
 */
export async function* readStoredChunks(fileId: string, client?: pg.ClientBase): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const [row] = await copyOutRows(`SELECT data FROM dataset_file_chunks WHERE file_id = ${literal(fileId)} AND seq = ${seq}`, client);
    if (!row) return;
    yield row[0]!;
  }
}

/** How a file is stored: what a reader needs to turn its chunks back into its content. */
export type StoredEncoding = { name: string; bytes: bigint; encoding: string; crc32: bigint | null };

async function encodingOf(fileId: string, client?: pg.ClientBase): Promise<StoredEncoding> {
  const sql = "SELECT name, bytes, encoding, crc32 FROM dataset_files WHERE id = $1";
  const { rows } = client ? await client.query<StoredEncoding>(sql, [fileId]) : await pgPool().query<StoredEncoding>(sql, [fileId]);
  if (!rows[0]) throw new AppError("not_found", "No such dataset file.");
  return { ...rows[0], bytes: BigInt(rows[0].bytes), crc32: rows[0].crc32 === null ? null : BigInt(rows[0].crc32) };
}

const deflatedInfo = (f: StoredEncoding) => ({ name: f.name, bytes: Number(f.bytes), crc32: Number(f.crc32 ?? -1) });

// Up to this size a deflated file is inflated in one call (and checked before its first byte goes out).
const WHOLE_BYTES = 4 * 1024 * 1024;

/**
 * A stored file's content: deflated files are inflated (size and CRC-32 checked; a damaged one
 * throws) — small ones whole, before anything is yielded, big ones chunk by chunk.
 */
export async function* readFileChunks(fileId: string, client?: pg.ClientBase, stored?: StoredEncoding): AsyncGenerator<Buffer> {
  const f = stored ?? (await encodingOf(fileId, client));
  if (f.encoding !== "deflate") {
    yield* readStoredChunks(fileId, client);
    return;
  }
  if (f.bytes <= BigInt(WHOLE_BYTES)) {
    const parts: Buffer[] = [];
    for await (const c of readStoredChunks(fileId, client)) parts.push(c);
    const whole = inflateWhole(Buffer.concat(parts), deflatedInfo(f));
    if (whole.length > 0) yield whole;
    return;
  }
  yield* inflateChecked(readStoredChunks(fileId, client), deflatedInfo(f));
}

/** A stored text file line by line (without the line feeds). */
export async function* readFileLines(fileId: string, client?: pg.ClientBase): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of readFileChunks(fileId, client)) {
    const lines = (rest + decoder.write(chunk)).split("\n");
    rest = lines.pop() ?? "";
    yield* lines;
  }
  rest += decoder.end();
  if (rest !== "") yield rest;
}

// Small files (brat, SemEval, attribution: one or two per document) are fetched many at a time.
const GROUP_BYTES = 4 * 1024 * 1024;
const GROUP_FILES = 500;

export type FileRef = StoredEncoding & { id: string; sha256: string; storedBytes: bigint | null };

/**
 * The files of a version's zip (not the internal fingerprints), in zip entry order: those of
 * `formats` only, or else every file but those of formats built later (the zip never changes).
 */
export async function zipFiles(versionId: string, select: { formats?: string[]; laterFormats?: string[] } = {}): Promise<FileRef[]> {
  const format = select.formats ? { in: select.formats } : select.laterFormats?.length ? { notIn: select.laterFormats } : undefined;
  const files = await prisma().datasetFile.findMany({
    where: { datasetVersionId: versionId, name: { not: FINGERPRINT_FILE }, AND: [{ format: { not: INTERNAL_FORMAT } }, ...(format ? [{ format }] : [])] },
    select: { id: true, name: true, bytes: true, sha256: true, encoding: true, crc32: true, storedBytes: true },
  });
  return files.sort((a, b) => compareEntryNames(a.name, b.name));
}

/**
 * Each file's chunks as stored, in order; small files are fetched many per query, big ones a
 * chunk per query when their turn comes. `whole`: the chunks of a grouped file, in hand.
 */
async function* storedFiles(files: FileRef[]): AsyncGenerator<{ file: FileRef; whole: Buffer[] | null }> {
  for (let i = 0; i < files.length; ) {
    const first = files[i]!;
    if (Number(first.bytes) > GROUP_BYTES) {
      yield { file: first, whole: null };
      i++;
      continue;
    }
    const group: FileRef[] = [];
    let bytes = 0;
    // Grouped by content size: a group's files are inflated in hand.
    while (i < files.length && group.length < GROUP_FILES && Number(files[i]!.bytes) <= GROUP_BYTES && bytes + Number(files[i]!.bytes) <= GROUP_BYTES) {
      bytes += Number(files[i]!.bytes);
      group.push(files[i]!);
      i++;
    }
    if (group.length === 0) {
      yield { file: files[i]!, whole: null };
      i++;
      continue;
    }
    const byFile = new Map<string, Buffer[]>();
    const ids = group.map((f) => literal(f.id)).join(", ");
    for (const [id, data] of await copyOutRows(`SELECT file_id, data FROM dataset_file_chunks WHERE file_id IN (${ids}) ORDER BY file_id, seq`)) {
      const key = id!.toString("utf8");
      const list = byFile.get(key) ?? [];
      list.push(data!);
      byFile.set(key, list);
    }
    for (const f of group) yield { file: f, whole: byFile.get(f.id) ?? [] };
  }
}

/** Zip entries of a version with each file's content (inflated when stored deflated). */
export async function* zipEntries(files: FileRef[]): AsyncGenerator<ZipEntry> {
  for await (const { file, whole } of storedFiles(files)) {
    if (!whole) yield { name: file.name, chunks: readFileChunks(file.id, undefined, file) };
    else if (file.encoding !== "deflate") yield { name: file.name, chunks: whole };
    else yield { name: file.name, chunks: [inflateWhole(Buffer.concat(whole), deflatedInfo(file))] };
  }
}

/**
 * Each deflated file's stored stream, as a zip entry carries it, checked on the way: a grouped
 * file is inflated before it is yielded, a big one alongside (a damaged one throws at its end,
 * before the entry's data descriptor is written).
 */
export async function* deflatedEntries(files: FileRef[]): AsyncGenerator<Buffer[] | AsyncGenerator<Buffer>> {
  for await (const { file, whole } of storedFiles(files)) {
    if (file.encoding !== "deflate") throw new Error(`dataset file ${file.name} is not stored deflated`);
    if (!whole) {
      yield inflateChecked(readStoredChunks(file.id), deflatedInfo(file), true);
      continue;
    }
    inflateWhole(Buffer.concat(whole), deflatedInfo(file));
    yield whole;
  }
}
