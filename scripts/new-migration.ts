// Creates prisma/migrations/<timestamp>_<name>/migration.sql by diffing the schema at a git revision
// (default HEAD) against prisma/schema.prisma. The JS schema engine cannot run `migrate dev`
// offline, and its diff needs a live connection, so this starts a throwaway embedded PostgreSQL.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";

async function main() {
  const name = process.argv[2];
  const from = process.argv[3] ?? "HEAD";
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run db:migration -- <snake_case_name> [git-rev | --from-empty]");
    process.exit(2);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sb-migration-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), ephemeral: true });
  try {
    let fromArgs: string[];
    if (from === "--from-empty") fromArgs = ["--from-empty"];
    else {
      const previous = path.join(tmp, "previous.prisma");
      const shown = spawnSync("git", ["show", `${from}:prisma/schema.prisma`], { encoding: "utf8" });
      if (shown.status !== 0) throw new Error(shown.stderr);
      fs.writeFileSync(previous, shown.stdout);
      fromArgs = ["--from-schema-datamodel", previous];
    }
    const diff = spawnSync(
      "node_modules/.bin/prisma",
      ["migrate", "diff", ...fromArgs, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: pg.url("postgres") } },
    );
    if (diff.status !== 0) throw new Error(diff.stderr);
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), diff.stdout);
    console.log(`wrote ${dir}/migration.sql (${diff.stdout.split("\n").length} lines)`);
  } finally {
    await pg.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
