// COPY in and out for the benchmarks: bulk data in, and the raw-COPY reference figures out.
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

export async function copyIn(client: pg.Client, sql: string, lines: Iterable<string | Buffer>) {
  await pipeline(Readable.from(lines), client.query(copyFrom(sql)));
}

/** COPY (query) TO STDOUT, each chunk handed to `onChunk`. */
async function copyOutTo(client: pg.Client, query: string, onChunk: (chunk: Buffer) => void): Promise<void> {
  await pipeline(
    client.query(copyTo(`COPY (${query}) TO STDOUT`)),
    new Writable({
      write(chunk: Buffer, _enc, done) {
        onChunk(chunk);
        done();
      },
    }),
  );
}

/** Time and bytes of COPY (query) TO STDOUT, the stream consumed and discarded. */
export async function copyOut(client: pg.Client, query: string): Promise<{ seconds: number; bytes: number }> {
  let bytes = 0;
  const started = performance.now();
  await copyOutTo(client, query, (chunk) => (bytes += chunk.length));
  return { seconds: (performance.now() - started) / 1000, bytes };
}

/** The rows of COPY (query) TO STDOUT in memory, ready to COPY back in. */
export async function copyOutToMemory(client: pg.Client, query: string): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  await copyOutTo(client, query, (chunk) => chunks.push(chunk));
  return chunks;
}
