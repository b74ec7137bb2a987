import "server-only";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { pgPool } from "@/lib/db/pg-pool";

/**
 * Reading `bytea` through ordinary query results costs node-postgres about 30 ms per megabyte
 * (a large DataRow message is reassembled and hex-decoded); a binary `COPY … TO STDOUT` of
 * the same rows arrives as raw bytes at several hundred MB/s. COPY takes no parameters, so the
 * only values spliced in are ids the application generated, quoted as literals. Callers keep
 * each statement small (one ~1 MB chunk, or a group of small files), so a client that stops
 * reading stops the queries at the next statement.
 */

/** A connection for one COPY: the pool's (released after it), or a transaction's own (kept). */
type Lease = { client: pg.ClientBase; release(destroy?: boolean): void };

async function lease(client?: pg.ClientBase): Promise<Lease> {
  if (client) return { client, release: () => undefined };
  const pooled = await pgPool().connect();
  return { client: pooled, release: (destroy) => pooled.release(destroy ? new Error("COPY abandoned") : undefined) };
}

/** Bytes that arrived but are not parsed yet; `take` joins pieces only when a field spans them. */
class Pending {
  private parts: Buffer[] = [];
  length = 0;
  push(b: Buffer): void {
    this.parts.push(b);
    this.length += b.length;
  }
  take(n: number): Buffer {
    this.length -= n;
    const first = this.parts[0]!;
    if (first.length >= n) {
      if (first.length === n) this.parts.shift();
      else this.parts[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let at = 0;
    while (at < n) {
      const p = this.parts[0]!;
      const k = Math.min(p.length, n - at);
      p.copy(out, at, 0, k);
      at += k;
      if (k === p.length) this.parts.shift();
      else this.parts[0] = p.subarray(k);
    }
    return out;
  }
}

const HEADER_BYTES = 11 + 4 + 4;

/**
 * Rows of `COPY (query) TO STDOUT (FORMAT binary)`, each as its fields' raw bytes (null fields
 * are empty). The statement is read to its end before the rows are returned, so the connection
 * is free again (a caller in a transaction may write through it while it uses the rows): keep
 * each query to a few megabytes.
 */
export async function copyOutRows(query: string, client?: pg.ClientBase): Promise<Buffer[][]> {
  const { client: c, release } = await lease(client);
  const pending = new Pending();
  const rows: Buffer[][] = [];
  let headerRead = false;
  // The row being read: its field count once known, its fields so far, the next field's length.
  let count = -2;
  let fields: Buffer[] = [];
  let fieldLength = -2;
  let failed = true;
  try {
    const stream = c.query(copyTo(`COPY (${query}) TO STDOUT (FORMAT binary)`));
    for await (const data of stream) {
      pending.push(data as Buffer);
      for (;;) {
        if (!headerRead) {
          if (pending.length < HEADER_BYTES) break;
          if (pending.take(HEADER_BYTES).readUInt32BE(15) > 0) throw new Error("COPY binary header extension is not supported");
          headerRead = true;
        }
        if (count === -2) {
          if (pending.length < 2) break;
          count = pending.take(2).readInt16BE(0);
          if (count === -1) break;
        }
        if (count === -1) break;
        if (fields.length < count) {
          if (fieldLength === -2) {
            if (pending.length < 4) break;
            fieldLength = pending.take(4).readInt32BE(0);
          }
          if (pending.length < Math.max(fieldLength, 0)) break;
          fields.push(fieldLength < 0 ? Buffer.alloc(0) : pending.take(fieldLength));
          fieldLength = -2;
          continue;
        }
        rows.push(fields);
        fields = [];
        count = -2;
      }
    }
    failed = false;
    return rows;
  } finally {
    // A connection left mid-COPY by an error is not given back to the pool.
    release(failed);
  }
}

/** A text value as an SQL literal (ids the application generated; quotes doubled anyway). */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
