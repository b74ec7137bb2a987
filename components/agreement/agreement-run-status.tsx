"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTaskPolling } from "@/components/ui/use-task-polling";
import { messageOf } from "@/lib/api-client/api-error";
import { api } from "@/lib/api-client/endpoints";
import type { AgreementOverview } from "@/lib/validation/agreement";
import type { TaskDto } from "@/lib/validation/tasks";

/** UTC and fixed, so the server and the browser render the same text. */
function formatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * Freshness of the cached project report and the recompute: progress while a run is queued or
 * running (the task comes from the server, so a reload resumes polling), "out of date" with a
 * Recompute button once annotations change, and a first run started automatically when the
 * project has never been computed. The last report stays on the page below meanwhile.
 */
export function AgreementRunStatus({ projectId, overview, canRecompute }: { projectId: string; overview: AgreementOverview; canRecompute: boolean }) {
  const router = useRouter();
  const serverTask = overview.task && (overview.task.status === "QUEUED" || overview.task.status === "RUNNING") ? overview.task.id : null;
  const [taskId, setTaskId] = useState<string | null>(serverTask);
  const [error, setError] = useState<string | null>(overview.task?.status === "FAILED" ? overview.task.error : null);
  const [pending, setPending] = useState(false);
  const autoStarted = useRef(false);
  const { freshness } = overview;

  const recompute = useCallback(async () => {
    setPending(true);
    setError(null);
    try {
      setTaskId((await api.startAgreementRun(projectId)).taskId);
    } catch (e) {
      setError(messageOf(e, "Could not start the recompute."));
    } finally {
      setPending(false);
    }
  }, [projectId]);

  useEffect(() => {
    if (freshness.state !== "missing" || taskId || overview.task || !canRecompute || autoStarted.current) return;
    autoStarted.current = true;
    void recompute();
  }, [freshness.state, taskId, overview.task, canRecompute, recompute]);

  const onFinished = useCallback(
    (task: TaskDto) => {
      if (task.status === "FAILED") setError(task.error ?? "Computing agreement failed.");
      setTaskId(null);
      router.refresh();
    },
    [router],
  );

  const button = canRecompute ? (
    <button type="button" className="secondary" data-testid="agreement-recompute" disabled={pending || taskId !== null} onClick={() => void recompute()}>
      Recompute
    </button>
  ) : null;

  return (
    <div data-testid="agreement-status" data-state={taskId ? "computing" : freshness.state} style={{ marginBottom: "0.75rem" }}>
      <div className="row">
        {freshness.state === "stale" && freshness.computedAt ? (
          <span className="badge warn" data-testid="agreement-stale">
            Out of date — computed {formatTime(freshness.computedAt)}, {freshness.changesSince >= freshness.changesSinceCap ? `${freshness.changesSinceCap}+` : freshness.changesSince}{" "}
            change{freshness.changesSince === 1 ? "" : "s"} since
          </span>
        ) : freshness.state === "fresh" && freshness.computedAt ? (
          <span className="muted small" data-testid="agreement-fresh">Up to date — computed {formatTime(freshness.computedAt)}</span>
        ) : !taskId ? (
          <span className="muted small">Not computed yet.</span>
        ) : null}
        <span className="spacer" />
        {button}
      </div>
      {taskId ? <AgreementProgress key={taskId} taskId={taskId} onFinished={onFinished} firstRun={freshness.state === "missing"} /> : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </div>
  );
}

function AgreementProgress({ taskId, onFinished, firstRun }: { taskId: string; onFinished: (task: TaskDto) => void; firstRun: boolean }) {
  const { task, error } = useTaskPolling(taskId, { notFoundMessage: "Could not load this run.", onFinished });
  if (error && !task) return <p className="form-error" role="alert">{error}</p>;
  const percent = task && task.total ? Math.round((task.done / task.total) * 100) : 0;
  const label = !task || task.status === "QUEUED" ? "Queued" : task.status === "RUNNING" ? (firstRun ? "Computing agreement…" : "Recomputing…") : "Finishing…";
  return (
    <div data-testid="agreement-task" data-status={task?.status ?? "QUEUED"} style={{ margin: "0.5rem 0" }}>
      <div className="row">
        <strong>{label}</strong>
        <span className="muted small" data-testid="agreement-task-count">
          {task ? `${task.done} of ${task.total} documents` : ""}
        </span>
      </div>
      <div className="progress" role="progressbar" aria-label="Agreement progress" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} style={{ marginTop: "0.4rem" }}>
        <span style={{ width: `${percent}%` }} />
      </div>
      {error ? <p className="muted small">{error}</p> : null}
    </div>
  );
}
