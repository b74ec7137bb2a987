import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type ChunkRow = { fileId: string; seq: number; data: Buffer };

// PostgreSQL's binary COPY format: signature, flags, header extension length; then per row a
// field count and each field as length + bytes; then -1. Bytes go in as they are (no base64 or
// hex text for the server to decode).
const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

function* encode(rows: ChunkRow[]): Generator<Buffer> {
  const header = Buffer.alloc(SIGNATURE.length + 8);
  SIGNATURE.copy(header);
  yield header;
  for (const r of rows) {
    const id = Buffer.from(r.fileId, "utf8");
    const head = Buffer.alloc(2 + 4 + id.length + 4 + 4 + 4);
    let at = head.writeInt16BE(3, 0);
    at = head.writeInt32BE(id.length, at);
    at += id.copy(head, at);
    at = head.writeInt32BE(4, at);
    at = head.writeInt32BE(r.seq, at);
    head.writeInt32BE(r.data.length, at);
    yield head;
    yield r.data;
  }
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1, 0);
  yield trailer;
}

/** Writes chunk rows with one binary COPY on `client` (which may be inside a transaction). */
export async function copyChunks(client: pg.ClientBase, rows: ChunkRow[]): Promise<void> {
  if (rows.length === 0) return;
  await pipeline(Readable.from(encode(rows)), client.query(copyFrom("COPY dataset_file_chunks (file_id, seq, data) FROM STDIN (FORMAT binary)")));
}
