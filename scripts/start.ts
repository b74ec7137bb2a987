// `npm start`: the one command that sets everything up and runs the workbench.
//   - no DATABASE_URL → demo mode: embedded PostgreSQL in the data folder, demo users and project;
//   - DATABASE_URL    → server mode: that PostgreSQL, AUTH_SECRET required, admin only.
// Then: migrations, first-start seed, `next build` when the build is missing or stale, `next start`
// (web only) plus WORKERS background worker processes (default 1; `npm run worker` is one).
// Ctrl-C / SIGTERM stops Next.js, the workers and the embedded PostgreSQL cleanly; after a crash
// (kill -9) the next start stops what the killed run left behind.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import util from "node:util";
import { runningServer, startEmbeddedPostgres, stopOrphanedServer, type RunningPostgres } from "../lib/db/embedded-postgres";
import { bindHost } from "./bind-host";
import { cleanUpAfterCrash, recordChildren } from "./process-record";
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
    // Every instance on this data folder shares the secret, so a session works on all of them.
    process.env.AUTH_SECRET ??= readOrCreateSecret(dataDir);
    const pgDir = path.join(dataDir, "postgres");
    await cleanUpAfterCrash(dataDir, log);
    const shared = runningServer(pgDir);
    if (shared && ownerAlive(dataDir)) {
      // Another `npm start` on this data folder runs the database: share it (a second instance).
      log(`demo mode: sharing the embedded PostgreSQL of the running instance (port ${shared.port})`);
      databaseUrl = `postgresql://stancebench:stancebench@127.0.0.1:${shared.port}/stancebench`;
    } else {
      await stopOrphanedServer(pgDir, log);
      log(`demo mode: embedded PostgreSQL in ${pgDir}`);
      postgres = await startEmbeddedPostgres({ dataDir: pgDir, port: Number(process.env.EMBEDDED_PG_PORT ?? 54329) });
      fs.writeFileSync(path.join(dataDir, "postgres.owner"), String(process.pid));
      await ensureDatabase(postgres.url("postgres"), "stancebench");
      databaseUrl = postgres.url("stancebench");
    }
  }

  let next: ChildProcess | null = null;
  const workers: ChildProcess[] = [];
  let stopping = false;
  const stopChild = async (child: ChildProcess) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  };
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping…`);
    await Promise.all([...(next ? [next] : []), ...workers].map(stopChild));
    if (postgres) {
      await postgres.stop();
      fs.rmSync(path.join(dataDir, "postgres.owner"), { force: true });
    }
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
  // Background jobs run in worker processes, never on the web server's event loop. `npm run dev`
  // keeps them inside the dev server unless WORKERS is set.
  const workerCount = process.env.WORKERS !== undefined ? Number(process.env.WORKERS) : dev ? 0 : 1;
  if (!Number.isInteger(workerCount) || workerCount < 0) throw new Error(`WORKERS must be a whole number ≥ 0, not "${process.env.WORKERS}"`);
  const startWorker = (n: number) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: { ...process.env, STANCEBENCH_WORKER_NAME: `worker ${n + 1}` },
    });
    workers[n] = child;
    recordChildren(dataDir, [next, ...workers]);
    child.on("exit", (code, signal) => {
      if (stopping) return;
      // Its jobs are retried by the others (or by its replacement) at once.
      log(`worker ${n + 1} exited (${signal ?? code}); starting a new one`);
      setTimeout(() => !stopping && startWorker(n), 1000);
    });
  };
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  const bind = bindHost({ demo: !serverMode, host: process.env.HOST });
  if (bind.warning) log(`WARNING: ${bind.warning}`);
  const hostArgs = bind.host ? ["-H", bind.host] : [];
  // WEB_PROCESSES > 1 (production only): that many `next start` processes share the port.
  const webProcesses = dev ? 1 : Number(process.env.WEB_PROCESSES ?? 1);
  if (!Number.isInteger(webProcesses) || webProcesses < 1) throw new Error(`WEB_PROCESSES must be a whole number ≥ 1, not "${process.env.WEB_PROCESSES}"`);
  // Idle keep-alive connections stay open longer than Node's 5 s default: a client (or a proxy
  // with a 60 s idle timeout) reusing a socket the server is just closing gets ECONNRESET.
  const keepAliveSeconds = Number(process.env.HTTP_KEEP_ALIVE_SECONDS ?? 65);
  if (!Number.isInteger(keepAliveSeconds) || keepAliveSeconds < 1) throw new Error(`HTTP_KEEP_ALIVE_SECONDS must be a whole number ≥ 1, not "${process.env.HTTP_KEEP_ALIVE_SECONDS}"`);
  const keepAliveArgs = dev ? [] : ["--keepAliveTimeout", String(keepAliveSeconds * 1000)];
  const nextArgs = [dev ? "dev" : "start", "-p", String(port), ...hostArgs, ...keepAliveArgs];
  const [command, args] =
    webProcesses > 1
      ? [process.execPath, ["--import", "tsx", "scripts/web-cluster.ts", ...nextArgs]]
      : [path.join(root, "node_modules", ".bin", "next"), nextArgs];
  next = spawn(command, args, {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PORT: String(port),
      NEXTAUTH_URL: appUrl,
      NEXTAUTH_SECRET: process.env.AUTH_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
      ...(workerCount > 0 || !dev ? { STANCEBENCH_WORKERS: "off" } : {}),
      WEB_PROCESSES: String(webProcesses),
    },
  });
  for (let n = 0; n < workerCount; n++) startWorker(n);
  recordChildren(dataDir, [next, ...workers]);
  if (webProcesses > 1) log(`${webProcesses} web processes on port ${port}`);
  log(`${workerCount} background worker process${workerCount === 1 ? "" : "es"}${workerCount === 0 && !dev ? " (jobs wait for `npm run worker`)" : ""}`);
  log(`Stancebench at ${appUrl}`);
  next.on("exit", (code) => {
    if (!stopping) {
      log(`Next.js exited with code ${code}`);
      void shutdown("Next.js exited", code ?? 1);
    }
  });
}

/** The `npm start` that started the data folder's PostgreSQL is still running. */
function ownerAlive(dataDir: string): boolean {
  const pid = Number(fs.existsSync(path.join(dataDir, "postgres.owner")) ? fs.readFileSync(path.join(dataDir, "postgres.owner"), "utf8") : 0);
  if (!(pid > 0) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

main().catch(async (error: unknown) => {
  // The real reason, always: a message and where it came from, or whatever was thrown.
  console.error("[stancebench] failed to start:", error instanceof Error ? (error.stack ?? error.message) : util.inspect(error));
  process.exit(1);
});
