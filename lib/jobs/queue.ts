import "server-only";
import PgBoss from "pg-boss";
import { databaseUrl } from "@/lib/env";
import { JOB_NAMES, type JobName, type JobPayloads } from "./job-names";

type Handler<N extends JobName> = (payload: JobPayloads[N]) => Promise<void>;

// pg-boss keeps jobs in PostgreSQL, so any app instance may pick up a job queued by another and a
// job survives a restart (it is retried). STANCEBENCH_JOBS=inline runs jobs in the calling process
// instead: integration tests use it to run a job to completion deterministically.
const holder = globalThis as unknown as { stancebenchBoss?: Promise<PgBoss>; stancebenchHandlers?: Map<string, Handler<JobName>> };

function handlers(): Map<string, Handler<JobName>> {
  holder.stancebenchHandlers ??= new Map();
  return holder.stancebenchHandlers;
}

async function boss(): Promise<PgBoss> {
  holder.stancebenchBoss ??= (async () => {
    const instance = new PgBoss({ connectionString: databaseUrl(), max: 4 });
    instance.on("error", (error) => console.error("pg-boss error", error));
    await instance.start();
    for (const name of JOB_NAMES) await instance.createQueue(name);
    return instance;
  })();
  return holder.stancebenchBoss;
}

const inline = () => process.env.STANCEBENCH_JOBS === "inline";

export function registerHandler<N extends JobName>(name: N, handler: Handler<N>): void {
  handlers().set(name, handler as Handler<JobName>);
}

export async function enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void> {
  if (inline()) {
    const handler = handlers().get(name);
    if (!handler) throw new Error(`No handler registered for job ${name}`);
    await handler(payload);
    return;
  }
  await (await boss()).send(name, payload, { retryLimit: 2, retryDelay: 5, expireInSeconds: 60 * 60 });
}

/** Starts polling every registered queue in this process (called once per app instance). */
export async function startWorkers(): Promise<void> {
  if (inline()) return;
  const instance = await boss();
  for (const [name, handler] of handlers()) {
    await instance.work<JobPayloads[JobName]>(name, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
  }
}

/** Stops this process's pg-boss (scripts call it before they stop their database). */
export async function stopQueue(): Promise<void> {
  const started = holder.stancebenchBoss;
  if (!started) return;
  holder.stancebenchBoss = undefined;
  await (await started).stop({ graceful: false, wait: true });
}
