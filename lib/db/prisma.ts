import "server-only";
import { databasePoolSize, databaseUrl } from "@/lib/env";
import { createPrismaClient, type PrismaClient } from "./create-client";

// One client per process; kept on globalThis so dev-mode hot reloads do not open new pools.
const globalForPrisma = globalThis as unknown as { stancebenchPrisma?: PrismaClient };

export function prisma(): PrismaClient {
  globalForPrisma.stancebenchPrisma ??= createPrismaClient(databaseUrl(), { poolSize: databasePoolSize() });
  return globalForPrisma.stancebenchPrisma;
}
