import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { ensureDatabase } from "../../lib/db/ensure-database";
import { migrateDeploy } from "../../lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** postgresql://…/ without a database name; test files append their own. */
    pgServerUrl: string;
  }
}

export const TEMPLATE_DATABASE = "sb_template";

// embedded-postgres registers async-exit-hook, which calls process.exit(0) on "beforeExit": that
// replaced vitest's failure exit code with 0, so failing integration tests passed the suite. A
// failure code set earlier now wins over that 0.
const exitProcess = process.exit.bind(process);
process.exit = ((code?: number | string | null) => exitProcess(code === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit;

// One embedded PostgreSQL per test run; the migrated template makes a fresh database per file cheap.
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sb-it-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), ephemeral: true });
  await ensureDatabase(pg.url("postgres"), TEMPLATE_DATABASE);
  await migrateDeploy(pg.url(TEMPLATE_DATABASE));
  project.provide("pgServerUrl", pg.url(""));
  return async () => {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
