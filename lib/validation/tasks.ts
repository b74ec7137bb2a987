import { importResultSchema } from "./documents";
import { z } from "./zod";

export const TASK_STATUSES = ["QUEUED", "RUNNING", "DONE", "FAILED"] as const;
export const taskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/** `GET /api/v1/tasks/{taskId}`: a background task's progress (import files with their results). */
export const taskSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    kind: z.enum(["IMPORT", "EXPORT", "SUGGEST", "AGREEMENT"]),
    status: taskStatusSchema,
    total: z.number().int(),
    done: z.number().int(),
    /** Kind-specific counters and ids: imports imported / duplicates / failed, suggestion runs suggestions / skipped / failed, exports number / versionId. */
    result: z
      .object({
        imported: z.number(),
        duplicates: z.number(),
        failed: z.number(),
        suggestions: z.number(),
        skipped: z.number(),
        number: z.number(),
        versionId: z.string(),
      })
      .partial()
      .catchall(z.unknown()),
    error: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    files: z.array(z.object({ name: z.string(), position: z.number().int(), results: z.array(importResultSchema).nullable() })),
  })
  .meta({ id: "Task" });
export type TaskDto = z.infer<typeof taskSchema>;

/** `POST /api/v1/projects/{projectId}/imports`: the queued import task. */
export const taskQueuedSchema = z.object({ taskId: z.string() }).meta({ id: "TaskQueued" });
