"use client";
import { useTaskPolling } from "@/components/ui/use-task-polling";

/** Polls a SUGGEST task until it finishes; the id is in the URL, so a reload picks it up again. */
export function SuggestionTaskProgress({ taskId, onFinished }: { taskId: string; onFinished?: () => void }) {
  const { task, error } = useTaskPolling(taskId, { notFoundMessage: "Could not load this run.", onFinished: () => onFinished?.() });

  if (error && !task) return <p className="form-error" role="alert">{error}</p>;
  if (!task) return <p className="muted">Loading run…</p>;
  const percent = task.total ? Math.round((task.done / task.total) * 100) : 0;
  const label = task.status === "DONE" ? "Suggestions finished" : task.status === "FAILED" ? "Suggestions stopped" : task.status === "QUEUED" ? "Queued" : "Suggesting…";
  return (
    <div data-testid="suggestion-task" data-status={task.status} style={{ margin: "0.75rem 0" }}>
      <div className="row">
        <strong>{label}</strong>
        <span className="muted small">
          {task.done} of {task.total} documents · {task.result.suggestions ?? 0} suggestions
          {task.result.skipped ? ` · ${task.result.skipped} deleted meanwhile` : ""}
          {task.result.failed ? ` · ${task.result.failed} failed` : ""}
        </span>
      </div>
      <div className="progress" role="progressbar" aria-label="Suggestion progress" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} style={{ marginTop: "0.4rem" }}>
        <span style={{ width: `${percent}%` }} />
      </div>
      {task.error ? <p className="form-error">{task.error}</p> : null}
    </div>
  );
}
