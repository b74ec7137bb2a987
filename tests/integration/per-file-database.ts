import crypto from "node:crypto";
import { afterAll, inject } from "vitest";
import { ensureDatabase } from "../../lib/db/ensure-database";

// Each test file gets its own database cloned from the migrated template, so files run in
// parallel without seeing each other's rows.
const server = inject("pgServerUrl");
const database = `t_${crypto.randomBytes(6).toString("hex")}`;
await ensureDatabase(`${server}postgres`, database, "sb_template");
process.env.DATABASE_URL = `${server}${database}`;
process.env.STANCEBENCH_MODE = "test";
process.env.AUTH_SECRET ??= "integration-test-secret-0123456789";

const holder = globalThis as unknown as { stancebenchPrisma?: { $disconnect(): Promise<void> } };
delete holder.stancebenchPrisma;

afterAll(async () => {
  await holder.stancebenchPrisma?.$disconnect();
  delete holder.stancebenchPrisma;
});
