"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type TaskView = { status: "QUEUED" | "RUNNING" | "DONE" | "FAILED"; total: number; done: number; error: string | null; result: { number?: number } };

/**
 * Polls a dataset build; the task id comes from the page (URL or the running version), so a
 * reload picks it up again. When the build ends the page is refreshed to list the new files.
 */
export function BuildProgress({ taskId }: { taskId: string }) {
  const router = useRouter();
  const [task, setTask] = useState<TaskView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const res = await fetch(`/api/v1/tasks/${taskId}`, { cache: "no-store" });
        const body = (await res.json()) as TaskView & { error?: unknown };
        if (stopped) return;
        if (!res.ok) {
          setError("Could not load the build's progress.");
          return;
        }
        setTask(body);
        setError(null);
        if (body.status === "QUEUED" || body.status === "RUNNING") timer = setTimeout(poll, 800);
        else router.refresh();
      } catch {
        setError("Connection lost; retrying…");
        timer = setTimeout(poll, 2000);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [taskId, router]);

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
