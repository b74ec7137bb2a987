// Background job names and payloads (pg-boss queues on the app's own PostgreSQL).
// "import-files" and "run-suggestions" plan a task into bounded units (task_units), each then one
// "import-batch" / "suggest-batch" job, so big tasks share the workers fairly.
export type JobPayloads = {
  "import-files": { taskId: string };
  "import-batch": { taskId: string; unitId: string };
  "build-dataset": { taskId: string };
  "build-dataset-format": { taskId: string };
  "run-suggestions": { taskId: string };
  "suggest-batch": { taskId: string; unitId: string };
  "compute-agreement": { taskId: string };
};

export type JobName = keyof JobPayloads;
export const JOB_NAMES: JobName[] = ["import-files", "import-batch", "build-dataset", "build-dataset-format", "run-suggestions", "suggest-batch", "compute-agreement"];
