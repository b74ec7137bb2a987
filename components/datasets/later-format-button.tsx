"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTaskPolling } from "@/components/ui/use-task-polling";

type Requested = { taskId: string | null; status: "QUEUED" | "RUNNING" | "DONE" | "FAILED" };
type TaskView = { status: Requested["status"]; error: string | null };

function Progress({ taskId, onDone }: { taskId: string; onDone: (ok: boolean, error: string | null) => void }) {
  const { task, error } = useTaskPolling<TaskView>(taskId, { notFoundMessage: "Could not load the build's progress.", onFinished: (t) => onDone(t.status === "DONE", t.error) });
  if (error) return <span className="form-error small">{error}</span>;
  return <span className="muted small" role="status">{task?.status === "RUNNING" ? "Building…" : "Queued…"}</span>;
}

/** Builds a format the version was not built with (once; stored from then on), then offers it. */
export function LaterFormatButton({ href, label, testId }: { href: string; label: string; testId: string }) {
  const router = useRouter();
  const [taskId, setTaskId] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function build() {
    setError(null);
    try {
      const res = await fetch(href, { method: "POST" });
      const body = (await res.json()) as Requested & { error?: { message?: string } };
      if (!res.ok) return setError(body.error?.message ?? "The format could not be requested.");
      if (body.status === "DONE") return finish(true, null);
      if (body.status === "FAILED" || !body.taskId) return setError("The format could not be built.");
      setTaskId(body.taskId);
    } catch {
      setError("Connection lost; try again.");
    }
  }

  function finish(ok: boolean, message: string | null) {
    setTaskId(null);
    if (!ok) return setError(message ?? "The format could not be built.");
    setReady(true);
    router.refresh();
  }

  if (ready)
    return (
      <a href={href} download data-testid={testId}>
        {label} (.zip)
      </a>
    );
  return (
    <span>
      <button type="button" className="secondary" onClick={() => void build()} disabled={taskId !== null} data-testid={`${testId}-build`}>
        Build {label}
      </button>{" "}
      {taskId ? <Progress taskId={taskId} onDone={finish} /> : null}
      {error ? <span className="form-error small" role="alert">{error}</span> : null}
    </span>
  );
}
