// Starts the production build against a database for HTTP benchmarks the way `npm start` runs it
// in server mode: `next start` serving the web only, plus one background worker process
// (BENCH_WORKERS overrides the count), and waits until /api/v1/health answers.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(__dirname, "..", "..");

/** Benchmarks that start the app need a production build; say so instead of failing later. */
export function requireBuild(): void {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("No production build: run `npx next build` first.");
    process.exit(1);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the app did not become healthy in time");
}

export type RunningApp = { url: string; stop: () => Promise<void>; pid?: number; workerPids: number[] };

/** Peak resident memory of a process so far (VmHWM), in bytes; null where /proc is not available. */
export function peakRssOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far; null where /proc is not available. */
export function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised command name) are utime and stime in ticks.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The pids of a process's children (the web processes of a WEB_PROCESSES > 1 cluster). */
function childPids(pid: number): number[] {
  try {
    return fs.readdirSync("/proc").flatMap((entry) => {
      if (!/^\d+$/u.test(entry)) return [];
      try {
        const fields = fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ");
        return Number(fields[1]) === pid ? [Number(entry)] : [];
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

/** CPU seconds of the web tier: the process and, for a cluster, its web processes. */
export function webCpuSeconds(pid: number | undefined): number | null {
  const own = cpuSeconds(pid);
  if (own === null || !pid) return own;
  return childPids(pid).reduce((sum, child) => sum + (cpuSeconds(child) ?? 0), own);
}

/** Resident set size of a process in bytes (VmRSS); 0 where /proc is not available. */
export function rssBytes(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
    return line ? Number(line.replace(/\D+/gu, "")) * 1024 : 0;
  } catch {
    return 0;
  }
}

function startWorker(env: NodeJS.ProcessEnv, n: number, appRoot = root): ChildProcess {
  // BENCH_WORKER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the worker.
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  return spawn(process.execPath, [...nodeArgs, "--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
    cwd: appRoot,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...env, STANCEBENCH_WORKER_NAME: `bench worker ${n + 1}` },
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

/**
 * The web server on `port` (0: a free one) plus its workers, in server mode; needs `next build`
 * first. `appRoot`: another checkout with its own build (a baseline to compare with).
 */
export async function startApp(databaseUrl: string, port: number, extraEnv: Record<string, string> = {}, appRoot = root): Promise<RunningApp> {
  if (!fs.existsSync(path.join(appRoot, ".next", "BUILD_ID"))) throw new Error(`No production build in ${appRoot}: run \`npx next build\` there first.`);
  const chosen = port || (await freePort());
  const url = `http://127.0.0.1:${chosen}`;
  const secret = crypto.randomBytes(32).toString("base64url");
  // BENCH_APP_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the app under load.
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const nextBin = path.join(appRoot, "node_modules", "next", "dist", "bin", "next");
  const env = { ...process.env, ...extraEnv, DATABASE_URL: databaseUrl, AUTH_SECRET: secret, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url, STANCEBENCH_MODE: "server", NEXT_TELEMETRY_DISABLED: "1" };
  // WEB_PROCESSES > 1 runs the web tier as `npm start` does then: a cluster sharing the port.
  const webProcesses = Number(extraEnv.WEB_PROCESSES ?? process.env.WEB_PROCESSES ?? 1);
  const nextArgs = ["start", "-p", String(chosen), "-H", "127.0.0.1"];
  const webArgs = webProcesses > 1 ? ["--import", "tsx", path.join(appRoot, "scripts", "web-cluster.ts"), ...nextArgs] : [...nodeArgs, nextBin, ...nextArgs];
  const child = spawn(process.execPath, webArgs, {
    cwd: appRoot,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...env, STANCEBENCH_WORKERS: "off", WEB_PROCESSES: String(webProcesses) },
  });
  const workers = Array.from({ length: Number(process.env.BENCH_WORKERS ?? 1) }, (_, n) => startWorker(env, n, appRoot));
  const stop = async () => {
    await Promise.all([child, ...workers].map(stopChild));
  };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop, pid: child.pid, workerPids: workers.flatMap((w) => (w.pid ? [w.pid] : [])) };
}

/** The app on a free port (what most benchmarks want). */
export function startBuiltApp(databaseUrl: string): Promise<RunningApp> {
  return startApp(databaseUrl, 0);
}

/**
 * Resolves once `pending()` counts nothing left, polled every `everyMs`; throws after `timeoutMs`
 * naming `what`, so a stuck task fails the benchmark instead of hanging it.
 */
export async function settled(pending: () => Promise<number>, what: string, everyMs = 50, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let left = await pending(); left > 0; left = await pending()) {
    if (Date.now() > deadline) throw new Error(`${left} ${what} still pending after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Until the project's suggestion tasks (queued by an import or a re-run) are done or failed. */
export async function suggestionTasksSettled(projectId: string, everyMs = 50): Promise<void> {
  // Imported here: the database URL is only set once the benchmark has started its database.
  const { prisma } = await import("../../lib/db/prisma");
  const pending = () => prisma().task.count({ where: { projectId, kind: "SUGGEST", status: { in: ["QUEUED", "RUNNING"] } } });
  await settled(pending, "suggestion tasks", everyMs);
}
