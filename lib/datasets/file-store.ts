import "server-only";
import { createHash, randomUUID, type Hash } from "node:crypto";
import type pg from "pg";
import { pgPool } from "@/lib/db/pg-pool";
import type { FileChunk } from "@/lib/export/types";
import { contentTypeOf } from "./content-types";
import { copyChunks, type ChunkRow } from "./copy-chunks";
import { INTERNAL_FORMAT } from "./diff";

type OpenFile = {
  id: string;
  format: string;
  hash: Hash;
  bytes: number;
  seq: number;
  pending: Buffer[];
  /** Bytes not yet cut into a chunk: `pending` plus the used part of `scratch`. */
  pendingBytes: number;
  /** Writer output is encoded straight into this buffer (no Buffer per small string). */
  scratch: Buffer | null;
  used: number;
  /** Size of the last scratch buffer: doubles while a file keeps growing, up to STREAM_SCRATCH. */
  scratchSize: number;
  stored: boolean;
  kept: Buffer[];
};

export type StoredFile = { name: string; format: string; bytes: number; sha256: string };

/** A connection for one flush: the pool's (released after it), or a transaction's own (kept). */
export type StoreConnection = { client: pg.ClientBase; release(): void };
export type Connect = () => Promise<StoreConnection>;

export const poolConnection: Connect = async () => {
  const client = await pgPool().connect();
  return { client, release: () => client.release() };
};

/** A transaction's client: every write of the store goes through it and it stays open. */
export const onClient = (client: pg.ClientBase): Connect => async () => ({ client, release: () => undefined });

// A file's bytes are cut into chunks of about this size (a download streams one per query);
// small per-document files are one chunk each.
const CHUNK_BYTES = 1024 * 1024;
// Buffered output is written once it reaches this much, in one COPY: few round trips, bounded memory.
const FLUSH_BYTES = 8 * 1024 * 1024;
// First size of a file's scratch buffer; the next ones double up to a chunk and some room, so a
// per-document file stays small and a streamed file's chunk is usually one buffer (no copy).
const SCRATCH_BYTES = 16 * 1024;
const STREAM_SCRATCH = CHUNK_BYTES + 128 * 1024;

async function insertFileRows(client: pg.ClientBase, versionId: string, files: { id: string; name: string; format: string }[]): Promise<void> {
  if (files.length === 0) return;
  await client.query(
    `INSERT INTO dataset_files (id, dataset_version_id, name, format, content_type, bytes, sha256)
     SELECT u.id, $1, u.name, u.format, u.content_type, 0, '' FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, name, format, content_type)`,
    [versionId, files.map((f) => f.id), files.map((f) => f.name), files.map((f) => f.format), files.map((f) => contentTypeOf(f.name))],
  );
}

/**
 * Appends writer output to `dataset_files` / `dataset_file_chunks` of one version. Bytes are
 * buffered per file, cut into ~1 MB chunks, and written with one binary COPY whenever about
 * 8 MB are waiting (`full`) and at `finish()`. Hashes and sizes are computed on the way and
 * written by `finish()`.
 */
export class DatasetFileStore {
  private readonly files = new Map<string, OpenFile>();
  private ready: ChunkRow[] = [];
  private waiting = 0;
  private keptBytes = 0;
  private kept: Map<string, Buffer[]> | null = null;
  private summary: StoredFile[] | null = null;

  /**
   * `keep`: also keep up to this many bytes of the written files (not internal ones) in memory,
   * so the zip can be written without reading them back; past it nothing is kept.
   */
  constructor(
    private readonly versionId: string,
    private readonly connect: Connect = poolConnection,
    private keep = 0,
  ) {}

  add(format: string, chunks: FileChunk[]): void {
    for (const chunk of chunks) this.addString(this.open(format, chunk.path), chunk.data);
  }

  private open(format: string, path: string): OpenFile {
    let file = this.files.get(path);
    if (!file) {
      file = { id: randomUUID(), format, hash: createHash("sha256"), bytes: 0, seq: 0, pending: [], pendingBytes: 0, scratch: null, used: 0, scratchSize: 0, stored: false, kept: [] };
      this.files.set(path, file);
    }
    return file;
  }

  private addString(file: OpenFile, data: string): void {
    if (data.length === 0) return;
    // UTF-8 needs at most 3 bytes per UTF-16 unit; write() encodes exactly like Buffer.from().
    const room = data.length * 3;
    if (!file.scratch || file.scratch.length - file.used < room) {
      this.handOver(file, false);
      file.scratchSize = Math.max(room, file.scratchSize === 0 ? SCRATCH_BYTES : Math.min(file.scratchSize * 2, STREAM_SCRATCH));
      file.scratch = Buffer.allocUnsafe(file.scratchSize);
    }
    const n = file.scratch!.write(data, file.used, "utf8");
    file.used += n;
    this.grew(file, n);
  }

  /** Appends raw bytes to a file (binary output such as the stored zip). */
  addBytes(format: string, path: string, data: Buffer): void {
    const file = this.open(format, path);
    if (data.length === 0) return;
    this.handOver(file, true);
    file.pending.push(data);
    this.grew(file, data.length);
  }

  private grew(file: OpenFile, n: number): void {
    file.bytes += n;
    file.pendingBytes += n;
    this.waiting += n;
    if (file.pendingBytes >= CHUNK_BYTES) this.cut(file, true);
  }

  /**
   * Moves the written part of the scratch buffer to `pending` without copying; the next write
   * gets a new buffer. At the end of a file a mostly empty buffer is copied to its exact size
   * instead, so small files do not hold their spare room.
   */
  private handOver(f: OpenFile, last: boolean): void {
    const scratch = f.scratch;
    if (!scratch || f.used === 0) return;
    f.pending.push(last && f.used < scratch.length / 2 ? Buffer.from(scratch.subarray(0, f.used)) : scratch.subarray(0, f.used));
    f.scratch = null;
    f.used = 0;
  }

  /** `streaming`: cut at the chunk size while the file is still being written. */
  private cut(f: OpenFile, streaming = false): void {
    if (f.pendingBytes === 0) return;
    this.handOver(f, !streaming);
    const data = f.pending.length === 1 ? f.pending[0]! : Buffer.concat(f.pending, f.pendingBytes);
    f.hash.update(data);
    this.ready.push({ fileId: f.id, seq: f.seq++, data });
    f.pending = [];
    f.pendingBytes = 0;
    if (this.keep > 0 && f.format !== INTERNAL_FORMAT) {
      this.keptBytes += data.length;
      if (this.keptBytes <= this.keep) f.kept.push(data);
      else this.dropKept();
    }
  }

  private dropKept(): void {
    this.keep = 0;
    for (const f of this.files.values()) f.kept = [];
  }

  /** After close(): the kept bytes of every written file by name, or null when the bound was passed. */
  keptFiles(): Map<string, Buffer[]> | null {
    return this.kept;
  }

  /** True when enough output waits for one big write (the caller then flushes). */
  get full(): boolean {
    return this.waiting >= FLUSH_BYTES;
  }

  async flush(): Promise<void> {
    const newFiles: { id: string; name: string; format: string }[] = [];
    for (const [name, f] of this.files) {
      if (!f.stored) {
        newFiles.push({ id: f.id, name, format: f.format });
        f.stored = true;
      }
      this.cut(f);
    }
    const rows = this.ready;
    this.ready = [];
    this.waiting = 0;
    if (newFiles.length === 0 && rows.length === 0) return;
    const { client, release } = await this.connect();
    try {
      await insertFileRows(client, this.versionId, newFiles);
      await copyChunks(client, rows);
    } finally {
      release();
    }
  }

  /**
   * Ends every file (nothing may be added after): returns the final size and SHA-256 of each, by
   * name, before anything more is written, so a caller can use them while finish() writes.
   */
  close(): StoredFile[] {
    if (this.summary) return this.summary;
    for (const f of this.files.values()) this.cut(f);
    this.summary = [...this.files].map(([name, f]) => ({ name, format: f.format, bytes: f.bytes, sha256: f.hash.digest("hex") }));
    if (this.keep > 0) {
      this.kept = new Map();
      for (const [name, f] of this.files) if (f.format !== INTERNAL_FORMAT) this.kept.set(name, f.kept);
    }
    return this.summary;
  }

  /** Writes pending bytes and the final size and SHA-256 of every file; returns them by name. */
  async finish(): Promise<StoredFile[]> {
    const out = this.close();
    await this.flush();
    const { client, release } = await this.connect();
    try {
      const ids = [...this.files.values()].map((f) => f.id);
      for (let i = 0; i < ids.length; i += 5000) {
        const part = out.slice(i, i + 5000);
        await client.query(
          `UPDATE dataset_files f SET bytes = u.bytes, sha256 = u.sha256
           FROM unnest($1::text[], $2::bigint[], $3::text[]) AS u(id, bytes, sha256) WHERE f.id = u.id`,
          [ids.slice(i, i + 5000), part.map((f) => f.bytes), part.map((f) => f.sha256)],
        );
      }
    } finally {
      release();
    }
    this.files.clear();
    this.summary = null;
    return out;
  }
}

/** Stores a small, complete file (the manifest) in one go. */
export async function storeWholeFile(versionId: string, name: string, format: string, body: string, connect: Connect = poolConnection): Promise<StoredFile> {
  const store = new DatasetFileStore(versionId, connect);
  store.add(format, [{ path: name, data: body }]);
  const [file] = await store.finish();
  return file!;
}
