import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/env";

// The health check has its own single connection, apart from Prisma's pool: when every pooled
// connection is busy with saves, the app is loaded, not down, and the probe must still answer at
// once. A 503 therefore means PostgreSQL itself did not answer in time.
const holder = globalThis as unknown as { stancebenchHealthPools?: Map<string, pg.Pool> };

function healthPool(): pg.Pool {
  const url = databaseUrl();
  holder.stancebenchHealthPools ??= new Map();
  let pool = holder.stancebenchHealthPools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 2000, query_timeout: 2000, idleTimeoutMillis: 60_000, allowExitOnIdle: true });
    pool.on("error", () => undefined); // a dropped idle connection is replaced on the next probe
    holder.stancebenchHealthPools.set(url, pool);
  }
  return pool;
}

/** True when PostgreSQL answers a trivial query within the timeout. */
export async function isDatabaseUp(timeoutMs = 2000): Promise<boolean> {
  const query = healthPool()
    .query("SELECT 1")
    .then(() => true, () => false);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
