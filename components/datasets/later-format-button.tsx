"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTaskPolling } from "@/components/ui/use-task-polling";
import { messageOf } from "@/lib/api-client/api-error";
import { api, datasetFormatPath } from "@/lib/api-client/endpoints";
import type { ExportFormat } from "@/lib/validation/datasets";

function Progress({ taskId, onDone }: { taskId: string; onDone: (ok: boolean, error: string | null) => void }) {
  const { task, error } = useTaskPolling(taskId, { notFoundMessage: "Could not load the build's progress.", onFinished: (t) => onDone(t.status === "DONE", t.error) });
  if (error) return <span className="form-error small">{error}</span>;
  return <span className="muted small" role="status">{task?.status === "RUNNING" ? "Building…" : "Queued…"}</span>;
}

/** Builds a format the version was not built with (once; stored from then on), then offers it. */
export function LaterFormatButton({ projectId, number, format, testId }: { projectId: string; number: number; format: ExportFormat; testId: string }) {
  const router = useRouter();
  const [taskId, setTaskId] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function build() {
    setError(null);
    try {
      const requested = await api.requestDatasetFormat(projectId, number, format);
      if (requested.status === "DONE") return finish(true, null);
      if (requested.status === "FAILED" || !requested.taskId) return setError("The format could not be built.");
      setTaskId(requested.taskId);
    } catch (e) {
      setError(messageOf(e, "The format could not be requested."));
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
      <a href={datasetFormatPath(projectId, number, format)} download data-testid={testId}>
        {format} (.zip)
      </a>
    );
  return (
    <span>
      <button type="button" className="secondary" onClick={() => void build()} disabled={taskId !== null} data-testid={`${testId}-build`}>
        Build {format}
      </button>{" "}
      {taskId ? <Progress taskId={taskId} onDone={finish} /> : null}
      {error ? <span className="form-error small" role="alert">{error}</span> : null}
    </span>
  );
}
