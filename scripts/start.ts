// `npm start`: the one command that sets everything up and runs the workbench.
//   - no DATABASE_URL → demo mode: embedded PostgreSQL in the data folder, demo users and project;
//   - DATABASE_URL    → server mode: that PostgreSQL, AUTH_SECRET required, admin only.
// Then: migrations, first-start seed, `next build` when the build is missing or stale, `next start`.
// Ctrl-C / SIGTERM stops Next.js and the embedded PostgreSQL cleanly.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/db/embedded-postgres";
import { ensureDatabase } from "../lib/db/ensure-database";
import { migrateDeploy } from "../lib/db/migrate";

const root = path.resolve(__dirname, "..");
const dev = process.argv.includes("--dev");
const log = (message: string) => console.log(`[stancebench] ${message}`);

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  log(`generated AUTH_SECRET in ${file}`);
  return secret;
}

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Builds when there is no build, or when sources changed after the last one. */
function buildIfNeeded() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sources = ["app", "components", "lib", "next.config.js", "package-lock.json"].map((p) => newestMtime(path.join(root, p)));
  if (built > Math.max(...sources)) return;
  log(built ? "sources changed since the last build: building…" : "no production build yet: building (first start takes a minute or two)…");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    log("next build failed");
    process.exit(result.status ?? 1);
  }
}

async function main() {
  const serverMode = Boolean(process.env.DATABASE_URL);
  const dataDir = path.resolve(root, process.env.STANCEBENCH_DATA_DIR ?? ".data");
  fs.mkdirSync(dataDir, { recursive: true });
  const port = Number(process.env.PORT ?? 3000);

  let postgres: RunningPostgres | null = null;
  let databaseUrl: string;
  if (serverMode) {
    if (!process.env.AUTH_SECRET) {
      console.error("[stancebench] AUTH_SECRET is required when DATABASE_URL is set (server mode). Generate one with:\n  openssl rand -base64 32");
      process.exit(1);
    }
    databaseUrl = process.env.DATABASE_URL!;
    log("server mode: using DATABASE_URL");
  } else {
    process.env.AUTH_SECRET ??= readOrCreateSecret(dataDir);
    log(`demo mode: embedded PostgreSQL in ${path.join(dataDir, "postgres")}`);
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    });
    await ensureDatabase(postgres.url("postgres"), "stancebench");
    databaseUrl = postgres.url("stancebench");
  }

  let next: ChildProcess | null = null;
  let stopping = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping…`);
    if (next && next.exitCode === null) {
      const exited = new Promise((resolve) => next!.once("exit", resolve));
      next.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    if (postgres) await postgres.stop();
    log("stopped");
    process.exit(exitCode);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  const applied = await migrateDeploy(databaseUrl, root);
  log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");

  process.env.DATABASE_URL = databaseUrl;
  process.env.STANCEBENCH_MODE = serverMode ? "server" : "demo";
  // Imported after DATABASE_URL is set: the data layer reads it on first use.
  const { seedDatabase } = await import("../lib/seed/seed-database");
  const seed = await seedDatabase({ demo: !serverMode, adminPassword: process.env.ADMIN_PASSWORD, seedDataDir: path.join(root, "prisma", "seed-data") });
  if (seed.seeded) {
    log(serverMode ? "created the admin account admin@example.com" : "seeded demo users and the demo project");
    if (seed.generatedAdminPassword) log(`admin password (shown once, change it after signing in): ${seed.adminPassword}`);
  }

  if (!dev) buildIfNeeded();
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  next = spawn(path.join(root, "node_modules", ".bin", "next"), [dev ? "dev" : "start", "-p", String(port)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXTAUTH_URL: appUrl, NEXTAUTH_SECRET: process.env.AUTH_SECRET, NEXT_TELEMETRY_DISABLED: "1" },
  });
  log(`Stancebench at ${appUrl}`);
  next.on("exit", (code) => {
    if (!stopping) {
      log(`Next.js exited with code ${code}`);
      void shutdown("Next.js exited", code ?? 1);
    }
  });
}

main().catch(async (error) => {
  console.error("[stancebench] failed to start:", error);
  process.exit(1);
});
