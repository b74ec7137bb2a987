// COPY in and out for the benchmarks: bulk data in, and the raw-COPY reference figures out.
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

export async function copyIn(client: pg.Client, sql: string, lines: Iterable<string | Buffer>) {
  await pipeline(Readable.from(lines), client.query(copyFrom(sql)));
}

/** Time and bytes of COPY (query) TO STDOUT, the stream consumed and discarded. */
export async function copyOut(client: pg.Client, query: string): Promise<{ seconds: number; bytes: number }> {
  let bytes = 0;
  const started = performance.now();
  await pipeline(
    client.query(copyTo(`COPY (${query}) TO STDOUT`)),
    new Writable({
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  return { seconds: (performance.now() - started) / 1000, bytes };
}
