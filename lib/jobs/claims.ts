import "server-only";
import crypto from "node:crypto";
import pg from "pg";
import { databaseUrl } from "@/lib/env";
import { pgPool } from "@/lib/db/pg-pool";

// Worker liveness and per-project limits, both in PostgreSQL. A worker process holds one session
// advisory lock (LOCK_SPACE, its key) on a connection of its own for as long as it lives; each job
// it runs is a row in job_claims carrying that key. When the process dies (kill -9 included) its
// connection closes and PostgreSQL drops the lock, so any worker can tell the claim is orphaned
// and have pg-boss retry the job at once instead of waiting for the job's expiry.
const LOCK_SPACE = 0x5b0b;

const holder = globalThis as unknown as { stancebenchLiveness?: { client: pg.Client; key: number } | null; stancebenchJobListeners?: Set<(queue: string) => void> };

/** NOTIFY channel on which enqueue announces new jobs, so an idle worker starts at once. */
export const JOBS_CHANNEL = "stancebench_jobs";

/**
 * Calls `listener` with the queue name whenever a job is queued. The liveness connection listens
 * (it is a direct session anyway); behind PgBouncer in transaction mode nothing arrives and the
 * workers' polling still finds the job.
 */
export function onJobQueued(listener: (queue: string) => void): void {
  holder.stancebenchJobListeners ??= new Set();
  holder.stancebenchJobListeners.add(listener);
}

async function lockNewKey(): Promise<{ client: pg.Client; key: number }> {
  const client = new pg.Client({ connectionString: databaseUrl(), keepAlive: true });
  await client.connect();
  for (;;) {
    const key = crypto.randomInt(1, 2 ** 31 - 1);
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::int, $2::int) AS locked", [LOCK_SPACE, key]);
    if (rows[0]?.locked) return { client, key };
  }
}

/** Takes this process's liveness lock (once); later claims carry its key. */
export async function startLiveness(): Promise<number> {
  if (holder.stancebenchLiveness) return holder.stancebenchLiveness.key;
  const live = await lockNewKey();
  holder.stancebenchLiveness = live;
  live.client.on("notification", (message) => {
    if (message.channel !== JOBS_CHANNEL || !message.payload) return;
    for (const listener of holder.stancebenchJobListeners ?? []) listener(message.payload);
  });
  await live.client.query(`LISTEN ${JOBS_CHANNEL}`);
  const lost = (error?: Error) => {
    if (holder.stancebenchLiveness !== live) return;
    // Our claims now look orphaned to other workers, who retry those jobs; the jobs are idempotent.
    console.error("worker liveness connection lost; taking a new lock", error?.message ?? "");
    holder.stancebenchLiveness = null;
    setTimeout(() => void startLiveness().catch((e: unknown) => console.error("worker liveness lock failed", e)), 1000);
  };
  live.client.on("error", lost);
  live.client.on("end", () => lost());
  return live.key;
}

export async function stopLiveness(): Promise<void> {
  const live = holder.stancebenchLiveness;
  holder.stancebenchLiveness = undefined;
  if (live) await live.client.end().catch(() => undefined);
}

export type Claim = { claimed: true } | { claimed: false };

/**
 * Records that this worker runs `jobId`, unless the job's project already has `limit` running
 * jobs (then the caller defers the job). The project's transaction-scoped advisory lock makes
 * count-then-insert atomic across every worker process.
 */
export async function claimJob(jobId: string, queue: string, projectId: string | null, limit: number): Promise<Claim> {
  const key = holder.stancebenchLiveness?.key ?? (await startLiveness());
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    if (projectId) {
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`jobs:${projectId}`]);
      const { rows } = await client.query<{ running: number }>("SELECT count(*)::int AS running FROM job_claims WHERE project_id = $1", [projectId]);
      if ((rows[0]?.running ?? 0) >= limit) {
        await client.query("ROLLBACK");
        return { claimed: false };
      }
    }
    await client.query(
      "INSERT INTO job_claims (job_id, queue, project_id, worker_key) VALUES ($1, $2, $3, $4) ON CONFLICT (job_id) DO UPDATE SET worker_key = EXCLUDED.worker_key, claimed_at = now()",
      [jobId, queue, projectId, key],
    );
    await client.query("COMMIT");
    return { claimed: true };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function releaseJob(jobId: string): Promise<void> {
  await pgPool().query("DELETE FROM job_claims WHERE job_id = $1", [jobId]);
}

/** Removes claims whose worker is gone and returns their jobs, for the caller to have retried. */
export async function reapOrphanedClaims(): Promise<{ jobId: string; queue: string }[]> {
  const { rows } = await pgPool().query<{ job_id: string; queue: string }>(
    `DELETE FROM job_claims c
      WHERE NOT EXISTS (
        SELECT 1 FROM pg_locks l
         WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND l.classid = $1::int::oid AND l.objid = c.worker_key::oid)
      RETURNING c.job_id, c.queue`,
    [LOCK_SPACE],
  );
  return rows.map((r) => ({ jobId: r.job_id, queue: r.queue }));
}

/**
 * Running jobs without a claim for longer than `graceSeconds`: a worker killed between taking the
 * job from pg-boss and recording its claim (or between releasing the claim and completing the
 * job) leaves one, which would otherwise wait for the job's expiry. A live worker holds a job
 * unclaimed only for the milliseconds around those two steps.
 */
export async function unclaimedRunningJobs(graceSeconds: number): Promise<{ jobId: string; queue: string }[]> {
  const { rows } = await pgPool().query<{ id: string; name: string }>(
    `SELECT j.id, j.name FROM pgboss.job j
      WHERE j.state = 'active' AND j.started_on < now() - make_interval(secs => $1)
        AND NOT EXISTS (SELECT 1 FROM job_claims c WHERE c.job_id = j.id)`,
    [graceSeconds],
  );
  return rows.map((r) => ({ jobId: r.id, queue: r.name }));
}
