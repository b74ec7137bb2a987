import "server-only";
import { StringDecoder } from "node:string_decoder";
import type pg from "pg";
import { pgPool } from "@/lib/db/pg-pool";
import { prisma } from "@/lib/db/prisma";
import { compareEntryNames, type ZipEntry } from "@/lib/export/zip";
import { FINGERPRINT_FILE } from "./diff";

/** The pool, or one client (inside a transaction every read goes through its own connection). */
type Queryable = Pick<pg.ClientBase, "query">;

/**
 * A stored file's bytes, one chunk (≤ about 1 MB) per short query: no cursor or connection is
 * held between chunks, so a client that stops reading frees the database at once.
 */
export async function* readFileChunks(fileId: string, db: Queryable = pgPool()): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const { rows } = await db.query<{ data: Buffer }>("SELECT data FROM dataset_file_chunks WHERE file_id = $1 AND seq = $2", [fileId, seq]);
    if (!rows[0]) return;
    yield rows[0].data;
  }
}

/** A stored text file line by line (without the line feeds). */
export async function* readFileLines(fileId: string, db: Queryable = pgPool()): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of readFileChunks(fileId, db)) {
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

type FileRef = { id: string; name: string; bytes: bigint };

/**
 * The files of a version's zip (not the internal fingerprints), in zip entry order: those of
 * `formats` only, or else every file but those of formats built later (the zip never changes).
 */
export async function zipFiles(versionId: string, select: { formats?: string[]; laterFormats?: string[] } = {}): Promise<FileRef[]> {
  const format = select.formats ? { in: select.formats } : select.laterFormats?.length ? { notIn: select.laterFormats } : undefined;
  const files = await prisma().datasetFile.findMany({
    where: { datasetVersionId: versionId, name: { not: FINGERPRINT_FILE }, ...(format ? { format } : {}) },
    select: { id: true, name: true, bytes: true },
  });
  return files.sort((a, b) => compareEntryNames(a.name, b.name));
}

/** Zip entries of a version; each entry's chunks are read only when the zip writer pulls them. */
export async function* zipEntries(files: FileRef[]): AsyncGenerator<ZipEntry> {
  for (let i = 0; i < files.length; ) {
    const first = files[i]!;
    if (first.bytes > BigInt(GROUP_BYTES)) {
      yield { name: first.name, chunks: readFileChunks(first.id) };
      i++;
      continue;
    }
    const group: FileRef[] = [];
    let bytes = 0;
    while (i < files.length && group.length < GROUP_FILES && files[i]!.bytes <= BigInt(GROUP_BYTES) && bytes + Number(files[i]!.bytes) <= GROUP_BYTES) {
      bytes += Number(files[i]!.bytes);
      group.push(files[i]!);
      i++;
    }
    if (group.length === 0) {
      group.push(files[i]!);
      i++;
    }
    const { rows } = await pgPool().query<{ file_id: string; data: Buffer }>(
      "SELECT file_id, data FROM dataset_file_chunks WHERE file_id = ANY($1::text[]) ORDER BY file_id, seq",
      [group.map((f) => f.id)],
    );
    const byFile = new Map<string, Buffer[]>();
    for (const r of rows) {
      const list = byFile.get(r.file_id) ?? [];
      list.push(r.data);
      byFile.set(r.file_id, list);
    }
    for (const f of group) yield { name: f.name, chunks: byFile.get(f.id) ?? [] };
  }
}
