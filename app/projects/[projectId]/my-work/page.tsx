import type { Metadata } from "next";
import Link from "next/link";
import { StateBadge } from "@/components/workflow/state-badge";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { isOpen, listMyWork } from "@/lib/workflow/list-my-work";

export const metadata: Metadata = { title: "My work" };

export default async function MyWorkPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await requireUser();
  const { projectId } = await params;
  const { items, next } = await guardPage(() => listMyWork(user, projectId));
  const open = items.filter(isOpen).length;
  if (items.length === 0) {
    return (
      <div className="panel empty" data-testid="my-work-empty">
        <strong>Nothing assigned to you yet</strong>
        A project manager assigns documents from the document list; they will appear here.
      </div>
    );
  }
  const done = items.length - open;
  return (
    <>
      <div className="panel row" data-testid="my-work-summary">
        <div style={{ flex: 1 }}>
          <strong>{open} open</strong> <span className="muted">· {done} done of {items.length}</span>
          <div className="progress" style={{ marginTop: "0.4rem" }} role="progressbar" aria-label={`${done} of ${items.length} done`} aria-valuenow={done} aria-valuemin={0} aria-valuemax={items.length}>
            <span style={{ width: `${Math.round((done / items.length) * 100)}%` }} />
          </div>
        </div>
        {next ? (
          <Link className="button" href={next.href} data-testid="next-document">
            Next document: {next.document.title} →
          </Link>
        ) : (
          <span className="badge ok">All caught up</span>
        )}
      </div>
      <table className="data" data-testid="my-work-table">
        <thead>
          <tr>
            <th>Document</th>
            <th>Role</th>
            <th>My assignment</th>
            <th>Document state</th>
            <th className="num">Annotations</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.assignmentId} data-state={item.state}>
              <td>
                {/* The title opens the work itself (annotator or review page); the overview is one link away. */}
                <Link href={item.href} data-testid="work-title">{item.document.title}</Link>{" "}
                <Link className="small muted" href={`/projects/${projectId}/documents/${item.document.id}`}>overview</Link>
                {item.returnComment && item.state !== "SUBMITTED" ? (
                  <div className="small" style={{ color: "var(--warn)", overflowWrap: "anywhere" }}>Returned: {item.returnComment}</div>
                ) : null}
              </td>
              <td>{item.role}</td>
              <td>
                <StateBadge state={item.state} />
              </td>
              <td>
                <StateBadge state={item.document.state} />
              </td>
              <td className="num">{item.annotationCount}</td>
              <td>
                {isOpen(item) ? <Link href={item.href}>{item.role === "annotator" ? "Annotate" : "Review"} →</Link> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
