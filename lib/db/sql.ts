import "server-only";
import crypto from "node:crypto";
import type pg from "pg";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { poolOf } from "./create-client";
import { prisma } from "./prisma";

/**
 * Plain SQL on one connection. The save path runs on this instead of Prisma's query builder: a
 * save is a handful of short statements, and the builder's per-query work cost several times the
 * database's own time (see README "Saves at team scale").
 */
export type Sql = { query<R>(text: string, values?: unknown[]): Promise<R[]> };

/** The same interface inside a Prisma interactive transaction, for callers that already hold one. */
export function prismaSql(tx: Prisma.TransactionClient): Sql {
  return { query: <R>(text: string, values: unknown[] = []) => tx.$queryRawUnsafe<R[]>(text, ...values) };
}

// Statements in transactions (the save path) are prepared once per connection, named by a hash of
// their text, instead of parsed and planned on every call: PostgreSQL spent as much CPU per save
// as the app did. A connection's prepared statements go with it (the pool closes idle ones).
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `sb_${crypto.createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    if (statementNames.size < 1000) statementNames.set(text, name);
  }
  return name;
}

function clientSql(client: pg.PoolClient | pg.Pool, prepared = false): Sql {
  return {
    query: async <R>(text: string, values: unknown[] = []) =>
      (await (prepared ? client.query({ name: statementName(text), text, values }) : client.query(text, values))).rows as R[],
  };
}

const preparedStatements = () => env().DATABASE_PREPARED_STATEMENTS === "on";

/**
 * A single statement on the shared pool (autocommit); never call this inside a transaction.
 * `prepared`: for the reads nearly every request makes (the session's user, project access, the
 * annotator page), prepared once per connection like the save path's statements.
 */
export function sql(options: { prepared?: boolean } = {}): Sql {
  return clientSql(poolOf(prisma()), options.prepared === true && preparedStatements());
}

async function connect(): Promise<pg.PoolClient> {
  try {
    return await poolOf(prisma()).connect();
  } catch (error) {
    if (/timeout/i.test((error as Error).message)) {
      throw new AppError("unavailable", "The server is busy; please retry in a moment.", { retryAfterSeconds: 1 });
    }
    throw error;
  }
}

/** BEGIN … COMMIT on one pooled connection; every query of `work` goes through the `Sql` it gets. */
export async function sqlTransaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
  return pgTransaction((client) => work(clientSql(client, preparedStatements())));
}

/**
 * BEGIN … COMMIT on one pooled connection, for work that needs the client itself (COPY); `pool`
 * picks another pool than the app's (the bulk byte pool of lib/db/pg-pool.ts).
 */
export async function pgTransaction<T>(work: (client: pg.PoolClient) => Promise<T>, pool?: pg.Pool): Promise<T> {
  const client = pool ? await pool.connect() : await connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
