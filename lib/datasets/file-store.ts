import "server-only";
import { createHash, randomUUID, type Hash } from "node:crypto";
import { crc32, deflateRawSync } from "node:zlib";
import type pg from "pg";
import { pgPool } from "@/lib/db/pg-pool";
import type { FileChunk } from "@/lib/export/types";
import { contentTypeOf } from "./content-types";
import { copyChunks, type ChunkRow } from "./copy-chunks";
import { ZIP_DEFLATE_LEVEL } from "@/lib/export/zip-records";
import { FileDeflater } from "./file-deflater";

/** "deflate": chunks hold the file's raw-deflate stream (a zip entry's bytes); "identity": the bytes as they are. */
export type FileEncoding = "deflate" | "identity";

type OpenFile = {
  id: string;
  format: string;
  hash: Hash;
  crc: number;
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
  /** null until decided: a small file is held whole and deflated in one go when the store closes. */
  encoding: FileEncoding | null;
  /** A file that grew past a chunk is deflated as it streams. */
  deflater: FileDeflater | null;
  ending: Promise<void> | null;
  /** Deflated bytes not yet cut into a chunk. */
  zipped: Buffer[];
  zippedBytes: number;
  compressedBytes: number;
};

export type StoredFile = { name: string; format: string; bytes: number; sha256: string; encoding: FileEncoding };

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
// Small files are held whole until the store closes (one deflate each, no open stream per file);
// past this much held at a flush they are stored as they are instead, so memory stays bounded.
const HOLD_BYTES = 32 * 1024 * 1024;

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
 * buffered per file and written with one binary COPY whenever about 8 MB are waiting (`full`)
 * and at `finish()`. With "deflate" (the default) each file is stored as its raw-deflate stream:
 * a file that grows past a chunk is deflated as it streams, a small one in one go when the store
 * closes. Sizes, SHA-256 and CRC-32 of the content are computed on the way and written by `finish()`.
 */
export class DatasetFileStore {
  private readonly files = new Map<string, OpenFile>();
  private ready: ChunkRow[] = [];
  private waiting = 0;
  private summary: StoredFile[] | null = null;

  constructor(
    private readonly versionId: string,
    private readonly connect: Connect = poolConnection,
    private readonly encoding: FileEncoding = "deflate",
    private readonly holdBytes = HOLD_BYTES,
  ) {}

  add(format: string, chunks: FileChunk[]): void {
    for (const chunk of chunks) this.addString(this.open(format, chunk.path), chunk.data);
  }

  private open(format: string, path: string): OpenFile {
    let file = this.files.get(path);
    if (!file) {
      file = {
        id: randomUUID(), format, hash: createHash("sha256"), crc: 0, bytes: 0, seq: 0, pending: [], pendingBytes: 0, scratch: null, used: 0, scratchSize: 0, stored: false,
        encoding: this.encoding === "identity" ? "identity" : null, deflater: null, ending: null, zipped: [], zippedBytes: 0, compressedBytes: 0,
      };
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

  /**
   * Hands the file's pending bytes on: as a chunk (identity), or to its deflate stream, which is
   * opened here for a file still undecided. `streaming`: the file is still being written.
   */
  private cut(f: OpenFile, streaming = false): void {
    if (f.pendingBytes === 0) return;
    this.handOver(f, !streaming);
    const pieces = f.pending;
    for (const piece of pieces) {
      f.hash.update(piece);
      f.crc = crc32(piece, f.crc);
    }
    f.pending = [];
    if (f.encoding === "identity") {
      this.ready.push({ fileId: f.id, seq: f.seq++, data: pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, f.pendingBytes) });
      f.pendingBytes = 0;
      return;
    }
    f.pendingBytes = 0;
    f.encoding = "deflate";
    f.deflater ??= new FileDeflater();
    // Written piece by piece, not concatenated first: deflate's output does not depend on the split.
    for (const piece of pieces) f.deflater.write(piece);
    this.takeDeflated(f, false);
  }

  /** Cuts deflated output into chunks: whole chunks only, or (`all`) everything there is. */
  private takeDeflated(f: OpenFile, all: boolean): void {
    if (f.deflater) {
      for (const piece of f.deflater.take()) {
        f.zipped.push(piece);
        f.zippedBytes += piece.length;
      }
    }
    if (f.zippedBytes === 0 || (!all && f.zippedBytes < CHUNK_BYTES)) return;
    const data = f.zipped.length === 1 ? f.zipped[0]! : Buffer.concat(f.zipped, f.zippedBytes);
    let at = 0;
    for (; data.length - at >= CHUNK_BYTES || (all && at < data.length); at += CHUNK_BYTES)
      this.ready.push({ fileId: f.id, seq: f.seq++, data: data.subarray(at, Math.min(at + CHUNK_BYTES, data.length)) });
    f.zipped = at < data.length ? [data.subarray(at)] : [];
    f.zippedBytes = data.length - Math.min(at, data.length);
  }

  /** A small file held whole, deflated in one call (the same bytes as its stream would be). */
  private deflateWhole(f: OpenFile): void {
    f.encoding = "deflate";
    this.handOver(f, true);
    const data = Buffer.concat(f.pending, f.pendingBytes);
    f.hash.update(data);
    f.crc = crc32(data, f.crc);
    f.pending = [];
    f.pendingBytes = 0;
    const z = deflateRawSync(data, { level: ZIP_DEFLATE_LEVEL });
    f.compressedBytes = z.length;
    f.zipped = [z];
    f.zippedBytes = z.length;
  }

  /** True when enough output waits for one big write (the caller then flushes). */
  get full(): boolean {
    return this.waiting >= FLUSH_BYTES;
  }

  async flush(): Promise<void> {
    const newFiles: { id: string; name: string; format: string }[] = [];
    let held = 0;
    for (const [name, f] of this.files) {
      if (!f.stored) {
        newFiles.push({ id: f.id, name, format: f.format });
        f.stored = true;
      }
      if (f.encoding === null) held += f.pendingBytes;
      else this.cut(f);
    }
    if (held > this.holdBytes) {
      for (const f of this.files.values()) {
        if (f.encoding !== null) continue;
        f.encoding = "identity";
        this.cut(f);
      }
    }
    this.waiting = 0;
    const deflaters = [...this.files.values()].filter((f) => f.deflater);
    await Promise.all(deflaters.map((f) => f.deflater!.settled()));
    for (const f of this.files.values()) this.takeDeflated(f, true);
    const rows = this.ready;
    this.ready = [];
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
    for (const f of this.files.values()) {
      if (f.encoding === null) this.deflateWhole(f);
      else this.cut(f);
      if (f.deflater) f.ending = f.deflater.end();
    }
    this.summary = [...this.files].map(([name, f]) => ({ name, format: f.format, bytes: f.bytes, sha256: f.hash.digest("hex"), encoding: f.encoding ?? "identity" }));
    return this.summary;
  }

  /** Writes pending bytes and the final size, SHA-256 and encoding of every file; returns them by name. */
  async finish(): Promise<StoredFile[]> {
    const out = this.close();
    for (const f of this.files.values()) {
      if (!f.ending) continue;
      await f.ending;
      f.compressedBytes = f.deflater!.compressedBytes;
    }
    await this.flush();
    const { client, release } = await this.connect();
    try {
      const files = [...this.files.values()];
      for (let i = 0; i < files.length; i += 5000) {
        const part = files.slice(i, i + 5000);
        const sums = out.slice(i, i + 5000);
        const deflated = part.map((f) => f.encoding === "deflate");
        await client.query(
          `UPDATE dataset_files f SET bytes = u.bytes, sha256 = u.sha256, encoding = u.encoding, crc32 = u.crc32, stored_bytes = u.stored_bytes
           FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::bigint[]) AS u(id, bytes, sha256, encoding, crc32, stored_bytes) WHERE f.id = u.id`,
          [
            part.map((f) => f.id),
            sums.map((f) => f.bytes),
            sums.map((f) => f.sha256),
            sums.map((f) => f.encoding),
            part.map((f, j) => (deflated[j] ? f.crc : null)),
            part.map((f, j) => (deflated[j] ? f.compressedBytes : null)),
          ],
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
