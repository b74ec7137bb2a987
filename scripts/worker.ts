// `npm run worker`: a background worker process, no web server. It runs the jobs every web
// instance queues (imports, suggestion runs, dataset builds) from the PostgreSQL in DATABASE_URL;
// run as many as the work needs. `npm start` starts WORKERS of these itself.
import { migrateDeploy } from "../lib/db/migrate";

const name = process.env.STANCEBENCH_WORKER_NAME ?? "worker";
const log = (message: string) => console.log(`[stancebench ${name}] ${message}`);

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error("[stancebench] DATABASE_URL is required: the worker runs the jobs queued in that PostgreSQL.");
    process.exit(1);
  }
  process.env.STANCEBENCH_MODE ??= "server";
  // A worker started on its own may find the schema older than its code.
  if (!process.send) await migrateDeploy(process.env.DATABASE_URL, process.cwd());
  const { startBackgroundWorkers } = await import("../lib/jobs/workers");
  const { stopQueue } = await import("../lib/jobs/queue");
  await startBackgroundWorkers({ failHard: true });
  log(`working background jobs (pid ${process.pid})`);

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log(`${why}: stopping`);
    // A job in flight gets 5 s to finish; one cut short is retried by another worker at once
    // (this process's lock goes with it).
    await Promise.race([stopQueue(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  // Started by `npm start`: go when it goes, even when it was killed.
  process.on("disconnect", () => void stop("npm start is gone"));
}

main().catch((error: unknown) => {
  console.error(`[stancebench ${name}] failed to start:`, error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
