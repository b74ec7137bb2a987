"use client";
import { useRouter } from "next/navigation";
import { useTaskPolling } from "@/components/ui/use-task-polling";

/**
 * Polls a dataset build; the task id comes from the page (URL or the running version), so a
 * reload picks it up again. When the build ends the page is refreshed to list the new files.
 */
export function BuildProgress({ taskId }: { taskId: string }) {
  const router = useRouter();
  const { task, error } = useTaskPolling(taskId, { notFoundMessage: "Could not load the build's progress.", onFinished: () => router.refresh() });

  if (error && !task) return <p className="form-error" role="alert">{error}</p>;
  if (!task) return <p className="muted">Loading build…</p>;
  const percent = task.total ? Math.round((task.done / task.total) * 100) : 0;
  const label = task.status === "DONE" ? "Built" : task.status === "FAILED" ? "Build failed" : task.status === "QUEUED" ? "Queued" : "Building…";
  return (
    <section className="panel" data-testid="dataset-build" data-status={task.status}>
      <div className="row">
        <strong>
          {label} version {task.result.number ?? ""}
        </strong>
        <span className="muted small">
          {task.done} of {task.total} documents
        </span>
      </div>
      <div className="progress" role="progressbar" aria-label="Dataset build progress" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} style={{ margin: "0.5rem 0" }}>
        <span style={{ width: `${percent}%` }} />
      </div>
      {task.error ? <p className="form-error">{task.error}</p> : null}
      {error ? <p className="muted small">{error}</p> : null}
    </section>
  );
}
