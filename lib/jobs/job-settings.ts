import "server-only";
import { env } from "@/lib/env";

/** Tuning of background jobs (README: "Deploying for a team"). */
export function jobSettings() {
  const perProject = env().JOBS_PER_PROJECT;
  return {
    perProject,
    concurrency: env().WORKER_CONCURRENCY ?? perProject + 1,
    /** A job whose worker is alive but hung is retried after this; a dead worker's job at once. */
    expireSeconds: 15 * 60,
    retryLimit: 5,
    /** How long a job of a project at its limit waits before it is offered again. */
    deferMs: 1000,
    /** How often each worker looks for jobs of dead workers. */
    reapMs: 3000,
    /** A running job with no claim for this long lost its worker between two steps (claims.ts). */
    unclaimedGraceSeconds: 30,
    maintenanceSeconds: 30,
  };
}
