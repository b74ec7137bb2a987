import { LocalTime } from "@/components/ui/local-time";
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ImportPanel } from "@/components/import/import-panel";
import { PasteArticleForm } from "@/components/import/paste-article-form";
import { TaskProgress } from "@/components/import/task-progress";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";
import { getProject } from "@/lib/projects/projects";
import { listRecentTasks } from "@/lib/tasks/tasks";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ task?: string }> }) {
  const user = await requireUser();
  const { projectId } = await params;
  const { task } = await searchParams;
  const project = await guardPage(() => getProject(user, projectId));
  if (!project.permissions.includes("documents.import")) forbidden();
  const recent = await listRecentTasks(user, projectId, "IMPORT");
  return (
    <>
      {task ? <TaskProgress taskId={task} projectId={projectId} /> : null}
      <div className="grid-2">
        <ImportPanel projectId={projectId} maxBytes={env().MAX_DOCUMENT_BYTES} />
        <PasteArticleForm projectId={projectId} />
      </div>
      <h2>Recent imports</h2>
      {recent.length === 0 ? (
        <p className="muted">No imports yet.</p>
      ) : (
        <table className="data" data-testid="recent-imports">
          <thead>
            <tr>
              <th>Started</th>
              <th>Status</th>
              <th className="num">Files</th>
              <th>Outcome</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((t) => {
              const r = t.result as { imported?: number; duplicates?: number; failed?: number };
              return (
                <tr key={t.id} data-task={t.id}>
                  <td>
                    <Link href={`/projects/${projectId}/import?task=${t.id}`}><LocalTime value={t.createdAt} /></Link>
                  </td>
                  <td>{t.status.toLowerCase()}</td>
                  <td className="num">
                    {t.done}/{t.total}
                  </td>
                  <td>
                    {r.imported ?? 0} imported, {r.duplicates ?? 0} duplicates, {r.failed ?? 0} failed
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
