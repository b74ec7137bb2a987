import "server-only";
import { createHash, randomUUID, type Hash } from "node:crypto";
import { pgPool } from "@/lib/db/pg-pool";
import { prisma } from "@/lib/db/prisma";
import type { FileChunk } from "@/lib/export/types";
import { contentTypeOf } from "./content-types";

type OpenFile = { id: string; format: string; hash: Hash; bytes: number; seq: number; pending: Buffer[]; pendingBytes: number; stored: boolean };

export type StoredFile = { name: string; format: string; bytes: number; sha256: string };

// A big file (native.jsonl) is cut into chunks of about this size; small per-document files
// are one chunk each.
const CHUNK_BYTES = 1024 * 1024;

/**
 * Appends writer output to `dataset_files` / `dataset_file_chunks` of one version. Bytes are
 * buffered per file and written on `flush()` (after each document batch) or when a file's
 * buffer reaches CHUNK_BYTES, so memory holds at most one batch of output. Hashes and sizes are
 * computed on the way and written by `finish()`.
 */
export class DatasetFileStore {
  private readonly files = new Map<string, OpenFile>();

  constructor(private readonly versionId: string) {}

  add(format: string, chunks: FileChunk[]): void {
    for (const chunk of chunks) {
      let file = this.files.get(chunk.path);
      if (!file) {
        file = { id: randomUUID(), format, hash: createHash("sha256"), bytes: 0, seq: 0, pending: [], pendingBytes: 0, stored: false };
        this.files.set(chunk.path, file);
      }
      if (chunk.data === "") continue;
      const data = Buffer.from(chunk.data, "utf8");
      file.hash.update(data);
      file.bytes += data.length;
      file.pending.push(data);
      file.pendingBytes += data.length;
    }
  }

  /** True when some file has buffered a full chunk (the caller then flushes early). */
  get full(): boolean {
    for (const f of this.files.values()) if (f.pendingBytes >= CHUNK_BYTES) return true;
    return false;
  }

  async flush(): Promise<void> {
    const newFiles: { id: string; datasetVersionId: string; name: string; format: string; contentType: string; bytes: bigint; sha256: string }[] = [];
    const chunks: { fileId: string; seq: number; data: Buffer }[] = [];
    for (const [name, f] of this.files) {
      if (!f.stored) {
        newFiles.push({ id: f.id, datasetVersionId: this.versionId, name, format: f.format, contentType: contentTypeOf(name), bytes: BigInt(0), sha256: "" });
        f.stored = true;
      }
      if (f.pendingBytes === 0) continue;
      chunks.push({ fileId: f.id, seq: f.seq++, data: Buffer.concat(f.pending, f.pendingBytes) });
      f.pending = [];
      f.pendingBytes = 0;
    }
    if (newFiles.length > 0) await prisma().datasetFile.createMany({ data: newFiles });
    // Chunks go through the plain pg pool as base64 text decoded by PostgreSQL; several
    // statements keep each one to a few MB.
    for (let i = 0; i < chunks.length; ) {
      const batch: typeof chunks = [];
      let size = 0;
      while (i < chunks.length && (batch.length === 0 || size + chunks[i]!.data.length <= CHUNK_BYTES * 4)) {
        size += chunks[i]!.data.length;
        batch.push(chunks[i++]!);
      }
      await pgPool().query(
        `INSERT INTO dataset_file_chunks (file_id, seq, data)
         SELECT u.file_id, u.seq, decode(u.data, 'base64') FROM unnest($1::text[], $2::int[], $3::text[]) AS u(file_id, seq, data)`,
        [batch.map((c) => c.fileId), batch.map((c) => c.seq), batch.map((c) => c.data.toString("base64"))],
      );
    }
  }

  /** Writes pending bytes and the final size and SHA-256 of every file; returns them by name. */
  async finish(): Promise<StoredFile[]> {
    await this.flush();
    const out: StoredFile[] = [];
    const ids: string[] = [];
    const bytes: number[] = [];
    const hashes: string[] = [];
    for (const [name, f] of this.files) {
      const sha256 = f.hash.digest("hex");
      out.push({ name, format: f.format, bytes: f.bytes, sha256 });
      ids.push(f.id);
      bytes.push(f.bytes);
      hashes.push(sha256);
    }
    for (let i = 0; i < ids.length; i += 5000) {
      await prisma().$executeRaw`UPDATE dataset_files f SET bytes = u.bytes, sha256 = u.sha256
        FROM unnest(${ids.slice(i, i + 5000)}::text[], ${bytes.slice(i, i + 5000)}::bigint[], ${hashes.slice(i, i + 5000)}::text[]) AS u(id, bytes, sha256)
        WHERE f.id = u.id`;
    }
    this.files.clear();
    return out;
  }
}

/** Stores a small, complete file (the manifest, the fingerprints) in one go. */
export async function storeWholeFile(versionId: string, name: string, format: string, body: string): Promise<StoredFile> {
  const data = Buffer.from(body, "utf8");
  const sha256 = createHash("sha256").update(data).digest("hex");
  const id = randomUUID();
  await prisma().datasetFile.create({
    data: { id, datasetVersionId: versionId, name, format, contentType: contentTypeOf(name), bytes: BigInt(data.length), sha256, chunks: { create: { seq: 0, data } } },
  });
  return { name, format, bytes: data.length, sha256 };
}
