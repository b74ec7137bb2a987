import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/env";

// A plain pg pool beside Prisma for the bulk byte paths (dataset chunks, export cursors): large
// parameters and results skip the query engine's per-value conversion, which costs several
// times the database's own time on megabyte-sized values. Pools are keyed by URL because tests
// point DATABASE_URL at a fresh database per file.
const holder = globalThis as unknown as { stancebenchPgPools?: Map<string, pg.Pool> };

export function pgPool(): pg.Pool {
  const url = databaseUrl();
  holder.stancebenchPgPools ??= new Map();
  let pool = holder.stancebenchPgPools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    pool.on("error", (error) => console.error("pg pool error", error));
    holder.stancebenchPgPools.set(url, pool);
  }
  return pool;
}

/** Closes every pool (scripts and tests, before their database goes away). */
export async function closePgPools(): Promise<void> {
  const pools = [...(holder.stancebenchPgPools?.values() ?? [])];
  holder.stancebenchPgPools?.clear();
  await Promise.all(pools.map((p) => p.end()));
}
