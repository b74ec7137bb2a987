import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type PrismaClientOptions = {
  /** Connections in this client's pool (the app passes DATABASE_POOL_SIZE). */
  poolSize?: number;
};

// On globalThis, like the client itself (lib/db/prisma.ts): Next bundles route handlers, pages and
// server actions as separate module graphs that share one client, so a module-level map would
// not know a client made in another graph.
const holder = globalThis as unknown as { stancebenchClientPools?: WeakMap<object, pg.Pool> };
const pools = (holder.stancebenchClientPools ??= new WeakMap<object, pg.Pool>());

/**
 * A Prisma client on the pg driver adapter (no native query engine), over a pg pool that the hot
 * paths (saves, token checks) also use directly, so one DATABASE_POOL_SIZE bounds both. The adapter
 * sends unnamed statements only, so the pool also works behind PgBouncer in transaction mode.
 */
export function createPrismaClient(connectionString: string, options: PrismaClientOptions = {}): PrismaClient {
  // Waiting longer than this for a free connection is an overload: fail that request, not all.
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server is removed from the pool; log it, do not crash.
  pool.on("error", (error) => console.error("database pool: idle connection lost:", error.message));
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/** The pg pool under a client made by createPrismaClient. */
export function poolOf(client: PrismaClient): pg.Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error("This Prisma client was not made by createPrismaClient.");
  return pool;
}

export type { PrismaClient };
