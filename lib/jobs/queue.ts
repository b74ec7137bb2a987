import "server-only";
import PgBoss from "pg-boss";
import { databaseUrl } from "@/lib/env";
import { claimJob, JOBS_CHANNEL, onJobQueued, reapOrphanedClaims, releaseJob, startLiveness, stopLiveness, unclaimedRunningJobs } from "./claims";
import { jobSettings } from "./job-settings";
import { JOB_NAMES, type JobName, type JobPayloads } from "./job-names";

type Handler<N extends JobName> = (payload: JobPayloads[N]) => Promise<void>;
/** Called once when a job's last retry failed, so its task can say so instead of staying "running". */
type FailureHandler<N extends JobName> = (payload: JobPayloads[N], error: unknown) => Promise<void>;
type Registered = { handler: Handler<JobName>; onFailure?: FailureHandler<JobName> };

export type EnqueueOptions = {
  /** The project the work belongs to: fair ordering between projects and a per-project limit. */
  projectId?: string;
  /** Seconds before the job counts as stuck (its worker alive but hung); dead workers are detected at once. */
  expireInSeconds?: number;
};

/** What a job row carries: the handler's payload and the project it is fair-queued under. */
type JobData = { payload: unknown; projectId: string | null };

// pg-boss keeps jobs in PostgreSQL, so any worker process may run a job queued by any web instance,
// and a job survives a crash (it is retried). STANCEBENCH_JOBS=inline runs jobs in the calling
// process instead: integration tests use it to run a job to completion deterministically.
const holder = globalThis as unknown as {
  stancebenchBoss?: Promise<PgBoss>;
  stancebenchHandlers?: Map<string, Registered>;
  stancebenchReaper?: ReturnType<typeof setInterval>;
  stancebenchLoops?: Map<string, string[]>;
};

function handlers(): Map<string, Registered> {
  holder.stancebenchHandlers ??= new Map();
  return holder.stancebenchHandlers;
}

/**
 * A web process and a worker starting at once on a new database both create the queues; their
 * inserts into pg-boss's queue table can deadlock, and PostgreSQL then cancels one: try it again.
 */
async function createQueue(instance: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await instance.createQueue(name);
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

async function boss(): Promise<PgBoss> {
  holder.stancebenchBoss ??= (async () => {
    const settings = jobSettings();
    const instance = new PgBoss({
      connectionString: databaseUrl(),
      max: 4,
      // Expired jobs are found by maintenance; finished jobs leave the hot table soon so the
      // fairness count below stays cheap.
      maintenanceIntervalSeconds: settings.maintenanceSeconds,
      archiveCompletedAfterSeconds: 15 * 60,
    });
    instance.on("error", (error) => console.error("pg-boss error", error));
    await instance.start();
    for (const name of JOB_NAMES) await createQueue(instance, name);
    return instance;
  })();
  // A failed start is not kept: the next call tries again instead of failing forever.
  holder.stancebenchBoss.catch(() => (holder.stancebenchBoss = undefined));
  return holder.stancebenchBoss;
}

const inline = () => process.env.STANCEBENCH_JOBS === "inline";
/** Jobs run inside the caller (integration tests), not on worker processes. */
export const jobsRunInline = inline;

export function registerHandler<N extends JobName>(name: N, handler: Handler<N>, options: { onFailure?: FailureHandler<N> } = {}): void {
  handlers().set(name, { handler: handler as Handler<JobName>, onFailure: options.onFailure as FailureHandler<JobName> | undefined });
}

/**
 * Fair ordering: a job's priority is minus the number of jobs its project already has waiting or
 * running, so a project with one new job goes ahead of another project's thousandth (pg-boss picks
 * the highest priority first, then the oldest).
 */
async function basePriority(instance: PgBoss, projectId: string | null): Promise<number> {
  if (!projectId) return 0;
  const { rows } = await instance.getDb().executeSql(
    "SELECT count(*)::int AS pending FROM pgboss.job WHERE state < 'completed' AND data->>'projectId' = $1",
    [projectId],
  );
  return -Number((rows[0] as { pending: number } | undefined)?.pending ?? 0);
}

export async function enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
  await enqueueMany(name, [payload], options);
}

/** Queues several jobs of one kind in one insert (e.g. every batch of an import), in order. */
export async function enqueueMany<N extends JobName>(name: N, payloads: JobPayloads[N][], options: EnqueueOptions = {}): Promise<void> {
  if (payloads.length === 0) return;
  if (inline()) {
    const registered = handlers().get(name);
    if (!registered) throw new Error(`No handler registered for job ${name}`);
    for (const payload of payloads) await registered.handler(payload);
    return;
  }
  const instance = await boss();
  const projectId = options.projectId ?? null;
  const priority = await basePriority(instance, projectId);
  const settings = jobSettings();
  await instance.insert(
    payloads.map((payload, i) => ({
      name,
      data: { payload, projectId } satisfies JobData,
      priority: priority - i,
      retryLimit: settings.retryLimit,
      retryDelay: 2,
      retryBackoff: true,
      expireInSeconds: options.expireInSeconds ?? settings.expireSeconds,
    })),
  );
  await wakeWorkers(instance, name);
}

/** Wakes an idle worker now instead of at its next poll (up to half a second later); see claims.ts. */
async function wakeWorkers(instance: PgBoss, queue: string): Promise<void> {
  await instance.getDb().executeSql("SELECT pg_notify($1, $2)", [JOBS_CHANNEL, queue]);
}

function unwrap(data: unknown): JobData {
  const d = data as Partial<JobData> | null;
  // Jobs queued before fairness existed carry the payload itself.
  return d && "payload" in d ? { payload: d.payload, projectId: d.projectId ?? null } : { payload: data, projectId: null };
}

async function runJob(instance: PgBoss, name: string, job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
  const registered = handlers().get(name);
  if (!registered) throw new Error(`No handler registered for job ${name}`);
  const { payload, projectId } = unwrap(job.data);
  try {
    const claim = await claimJob(job.id, name, projectId, jobSettings().perProject);
    if (!claim.claimed) return await deferJob(instance, name, job);
    try {
      await registered.handler(payload as JobPayloads[JobName]);
    } finally {
      await releaseJob(job.id).catch((e: unknown) => console.error("releasing a job claim failed", e));
      if (projectId) await startDeferred(instance, name, projectId).catch((e: unknown) => console.error("waking deferred jobs failed", e));
    }
  } catch (error) {
    if (job.retryCount >= job.retryLimit && registered.onFailure) {
      await registered.onFailure(payload as JobPayloads[JobName], error).catch((e: unknown) => console.error(`${name}: failure handler failed`, e));
    }
    throw error;
  }
}

/**
 * The project is at its limit: put an identical job back a moment later and finish this one,
 * leaving the worker free for another project's job.
 */
async function deferJob(instance: PgBoss, name: string, job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
  await instance.insert([
    {
      name,
      data: job.data as object,
      priority: job.priority,
      startAfter: new Date(Date.now() + jobSettings().deferMs),
      retryLimit: job.retryLimit,
      retryDelay: job.retryDelay,
      retryBackoff: job.retryBackoff,
      // pg-boss reports the expiry as a decimal string ("300.000000"); it takes whole seconds.
      expireInSeconds: Math.round(Number(job.expireInSeconds)),
    },
  ]);
}

/**
 * A job of the project ended, so one of its deferred jobs may run: they become due now instead of
 * at the end of their deferral, and the workers are woken. (pg-boss keeps jobs in pgboss.job.)
 */
async function startDeferred(instance: PgBoss, name: string, projectId: string): Promise<void> {
  const { rows } = await instance.getDb().executeSql(
    "UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND state = 'created' AND start_after > now() AND data->>'projectId' = $2 RETURNING id",
    [name, projectId],
  );
  if (rows.length > 0) await wakeWorkers(instance, name);
}

/** Retries at once the jobs of worker processes that died (their liveness lock is gone). */
async function retryOrphans(instance: PgBoss): Promise<void> {
  const orphans = [...(await reapOrphanedClaims()), ...(await unclaimedRunningJobs(jobSettings().unclaimedGraceSeconds))];
  for (const { jobId, queue } of orphans) {
    await instance.fail(queue, jobId, { message: "its worker process stopped" });
    console.log(`retrying job ${queue}/${jobId}: its worker process stopped`);
  }
}

/** Starts working every registered queue in this process (a worker process, or a dev server). */
export async function startWorkers(): Promise<void> {
  if (inline()) return;
  const instance = await boss();
  const settings = jobSettings();
  await startLiveness();
  await retryOrphans(instance);
  holder.stancebenchReaper ??= setInterval(() => void retryOrphans(instance).catch((e: unknown) => console.error("orphaned job check failed", e)), settings.reapMs);
  const loops = new Map<string, string[]>();
  for (const name of handlers().keys()) {
    // Several single-job loops per queue: one more than a project may use, so another project's
    // job always finds a free loop. Polling every half second (pg-boss's minimum), and woken at
    // once by the NOTIFY that enqueue sends.
    const ids: string[] = [];
    for (let i = 0; i < settings.concurrency; i++) {
      ids.push(
        await instance.work<unknown>(name, { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true }, async ([job]) => {
          if (job) await runJob(instance, name, job);
        }),
      );
    }
    loops.set(name, ids);
  }
  onJobQueued((queue) => {
    for (const id of loops.get(queue) ?? []) instance.notifyWorker(id);
  });
}

/** Stops this process's pg-boss (scripts call it before they stop their database). */
export async function stopQueue(): Promise<void> {
  if (holder.stancebenchReaper) clearInterval(holder.stancebenchReaper);
  holder.stancebenchReaper = undefined;
  holder.stancebenchLoops = undefined;
  const started = holder.stancebenchBoss;
  holder.stancebenchBoss = undefined;
  // Graceful: a job in flight finishes (up to 20 s) before the pools close under it; cutting it
  // short would leave its open transaction to hang the process's database client.
  if (started) await (await started).stop({ graceful: true, wait: true, timeout: 20_000 });
  await stopLiveness();
}
