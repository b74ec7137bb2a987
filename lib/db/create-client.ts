import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type PrismaClientOptions = {
  /** Connections in this client's pool (the app passes DATABASE_POOL_SIZE). */
  poolSize?: number;
};

/** A Prisma client on the pg driver adapter (no native query engine). Scripts and tests use this. */
export function createPrismaClient(connectionString: string, options: PrismaClientOptions = {}): PrismaClient {
  // The adapter sends unnamed statements only, so the pool also works behind PgBouncer in
  // transaction mode (see README "Connection pool").
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: options.poolSize ?? 10 }) });
}

export type { PrismaClient };
