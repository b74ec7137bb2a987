"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTaskPolling } from "@/components/ui/use-task-polling";
import type { ImportResult } from "@/lib/validation/documents";

function describe(result: ImportResult): string {
  const where = result.line !== undefined ? `line ${result.line}: ` : "";
  if (result.status === "imported") return `${where}imported with ${result.sentenceCount} sentences`;
  if (result.status === "duplicate") return `${where}skipped as duplicate of “${result.title}”`;
  return `${where}failed — ${result.error?.message ?? "unknown error"}`;
}

/** Polls a background import task; the task id is in the URL, so a reload picks it up again. */
export function TaskProgress({ taskId, projectId }: { taskId: string; projectId: string }) {
  const router = useRouter();
  // The server-rendered "Recent imports" table and document counts follow the finished task.
  const { task, error } = useTaskPolling(taskId, { notFoundMessage: "Could not load the import.", onFinished: () => router.refresh() });

  if (error && !task) return <p className="form-error" role="alert">{error}</p>;
  if (!task) return <p className="muted">Loading import…</p>;
  const percent = task.total ? Math.round((task.done / task.total) * 100) : 0;
  const finished = task.status === "DONE" || task.status === "FAILED";
  return (
    <section className="panel" data-testid="import-task" data-status={task.status}>
      <div className="row">
        <strong>{finished ? "Import finished" : task.status === "QUEUED" ? "Import queued" : "Importing…"}</strong>
        <span className="muted small">
          {task.done} of {task.total} files · {task.result.imported ?? 0} imported · {task.result.duplicates ?? 0} duplicates · {task.result.failed ?? 0} failed
        </span>
      </div>
      <div className="progress" role="progressbar" aria-label="Import progress" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} style={{ margin: "0.5rem 0" }}>
        <span style={{ width: `${percent}%` }} />
      </div>
      {task.error ? <p className="form-error">{task.error}</p> : null}
      <table className="data" data-testid="import-results">
        <thead>
          <tr>
            <th>File</th>
            <th>Result</th>
          </tr>
        </thead>
        <tbody>
          {task.files.map((file) => (
            <tr key={file.position} data-file={file.name}>
              <td>{file.name}</td>
              <td>
                {file.results === null ? (
                  <span className="muted">{task.status === "RUNNING" && file.position === task.done ? "importing…" : "waiting"}</span>
                ) : (
                  <ul style={{ margin: 0, paddingLeft: "1rem" }}>
                    {file.results.map((r, i) => (
                      <li key={i} className={r.status === "failed" ? "field-error" : undefined}>
                        {r.status === "imported" && r.id ? <Link href={`/projects/${projectId}/documents/${r.id}`}>{describe(r)}</Link> : describe(r)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
