// WEB_PROCESSES > 1: several `next start` processes serving one port. node:cluster's primary (this
// process) owns the listening socket and hands connections round-robin to the processes, so one
// Node event loop no longer caps what the web tier does on a machine with more cores. Every
// process is stateless (sessions, throttles, locks and jobs live in PostgreSQL), each keeps its
// own pool of DATABASE_POOL_SIZE connections. Arguments are `next`'s: start -p PORT [-H HOST].
import cluster from "node:cluster";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const count = Number(process.env.WEB_PROCESSES ?? 2);
if (!Number.isInteger(count) || count < 1) {
  console.error(`[stancebench] WEB_PROCESSES must be a whole number ≥ 1, not "${process.env.WEB_PROCESSES}"`);
  process.exit(1);
}

// execArgv [] : the web processes run plain `node next`, without this script's tsx loader.
cluster.setupPrimary({ exec: path.join(root, "node_modules", "next", "dist", "bin", "next"), args: process.argv.slice(2), execArgv: [], cwd: root });

let stopping = false;
const fork = () => cluster.fork();
cluster.on("exit", (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  // A crashed web process is replaced; requests meanwhile go to the others.
  console.log(`[stancebench] web process ${worker.process.pid} exited (${signal ?? code}); starting a new one`);
  setTimeout(() => !stopping && fork(), 1000);
});

const stop = () => {
  if (stopping) return;
  stopping = true;
  const workers = Object.values(cluster.workers ?? {});
  if (workers.length === 0) process.exit(0);
  for (const worker of workers) worker?.process.kill("SIGTERM");
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

for (let n = 0; n < count; n++) fork();
