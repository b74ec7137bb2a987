// Background job names and payloads (pg-boss queues on the app's own PostgreSQL).
export type JobPayloads = {
  "import-files": { taskId: string };
  "build-dataset": { taskId: string };
  "run-suggestions": { taskId: string };
  "compute-agreement": { taskId: string };
};

export type JobName = keyof JobPayloads;
export const JOB_NAMES: JobName[] = ["import-files", "build-dataset", "run-suggestions", "compute-agreement"];
