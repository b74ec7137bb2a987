import "server-only";
import { StringDecoder } from "node:string_decoder";
import type pg from "pg";
import { prisma } from "@/lib/db/prisma";
import { compareEntryNames, type ZipEntry } from "@/lib/export/zip";
import { copyOutRows, literal } from "./copy-out";
import { FINGERPRINT_FILE, INTERNAL_FORMAT } from "./diff";

/**
 * A stored file's bytes, one chunk (≤ about 1 MB) per short binary COPY: no cursor or
 * connection is held between chunks, so a client that stops reading frees the database at once.
 * `client`: a transaction's connection (every read then goes through it), else the pool's.
 */
export async function* readFileChunks(fileId: string, client?: pg.ClientBase): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const [row] = await copyOutRows(`SELECT data FROM dataset_file_chunks WHERE file_id = ${literal(fileId)} AND seq = ${seq}`, client);
    if (!row) return;
    yield row[0]!;
  }
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

type FileRef = { id: string; name: string; bytes: bigint };

/**
 * The files of a version's zip (not the internal fingerprints), in zip entry order: those of
 * `formats` only, or else every file but those of formats built later (the zip never changes).
 */
export async function zipFiles(versionId: string, select: { formats?: string[]; laterFormats?: string[] } = {}): Promise<FileRef[]> {
  const format = select.formats ? { in: select.formats } : select.laterFormats?.length ? { notIn: select.laterFormats } : undefined;
  const files = await prisma().datasetFile.findMany({
    where: { datasetVersionId: versionId, name: { not: FINGERPRINT_FILE }, AND: [{ format: { not: INTERNAL_FORMAT } }, ...(format ? [{ format }] : [])] },
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
    const byFile = new Map<string, Buffer[]>();
    const ids = group.map((f) => literal(f.id)).join(", ");
    for (const [id, data] of await copyOutRows(`SELECT file_id, data FROM dataset_file_chunks WHERE file_id IN (${ids}) ORDER BY file_id, seq`)) {
      const key = id!.toString("utf8");
      const list = byFile.get(key) ?? [];
      list.push(data!);
      byFile.set(key, list);
    }
    for (const f of group) yield { name: f.name, chunks: byFile.get(f.id) ?? [] };
  }
}
