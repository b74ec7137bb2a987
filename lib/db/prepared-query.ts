import "server-only";
import { env } from "@/lib/env";
import { poolOf } from "./create-client";
import { prisma } from "./prisma";

/**
 * One statement on the app's pool (autocommit), prepared once per connection under `name` (unless
 * DATABASE_PREPARED_STATEMENTS=off): for the reads every page makes, where Prisma's per-query
 * work cost more than PostgreSQL's. Never call it inside a transaction (see lib/db/sql.ts).
 */
export async function preparedQuery<R>(name: string, text: string, values: unknown[]): Promise<R[]> {
  const named = env().DATABASE_PREPARED_STATEMENTS === "on" ? { name } : {};
  return (await poolOf(prisma()).query({ ...named, text, values })).rows as R[];
}
