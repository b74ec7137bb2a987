import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommentThreadPanel } from "@/components/comments/comment-thread-panel";
import { DocumentReader } from "@/components/documents/document-reader";
import { LocalTime } from "@/components/ui/local-time";
import { AssignmentsPanel } from "@/components/workflow/assignments-panel";
import { StateBadge } from "@/components/workflow/state-badge";
import { Timeline } from "@/components/workflow/timeline";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { listComments } from "@/lib/comments/list-comments";
import { getDocument } from "@/lib/documents/get-document";
import { getDocumentHistory } from "@/lib/history/document-history";
import { parseEventGroup } from "@/lib/history/event-groups";
import { listMembers } from "@/lib/projects/projects";
import { listDocumentAssignments } from "@/lib/workflow/list-assignments";

export const metadata: Metadata = { title: "Document" };

const TIMELINE_PAGE = 25;

export default async function DocumentPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; documentId: string }>;
  searchParams: Promise<{ events?: string; before?: string }>;
}) {
  const user = await requireUser();
  const { projectId, documentId } = await params;
  const query = await searchParams;
  const group = parseEventGroup(query.events);
  // A malformed ?before= shows the newest events rather than an error page.
  const before = query.before && /^\d{1,19}$/.test(query.before) ? query.before : null;
  const document = await guardPage(() => getDocument(user, documentId));
  if (document.projectId !== projectId) notFound();
  const [assignments, comments, history, members] = await guardPage(() =>
    Promise.all([listDocumentAssignments(user, documentId), listComments(user, documentId), getDocumentHistory(user, documentId, { limit: TIMELINE_PAGE, before, group }), listMembers(user, projectId)]),
  );
  const permissions = document.access.permissions;
  // Work a reviewer sent back: the annotator sees why at the top of the page.
  const returned = assignments.find((a) => a.userId === user.id && a.role === "annotator" && a.state !== "SUBMITTED" && a.returnComment);
  const mine = assignments.filter((a) => a.userId === user.id);
  const annotating = mine.some((a) => a.role === "annotator" && a.state !== "SUBMITTED") && document.state !== "SIGNED_OFF";
  const facts: [string, ReactNode][] = [
    ["Source", document.source],
    ["Original source", document.originalSource],
    ["Author", document.author],
    ["Published", document.publishedAt ? <LocalTime value={document.publishedAt} dateOnly /> : null],
    ["Language", document.language],
    ["Size", `${document.charCount.toLocaleString("en")} characters · ${document.sentenceCount} segments`],
  ];
  return (
    <>
      {returned ? (
        <div className="panel" role="status" data-testid="returned-banner" style={{ background: "var(--warn-weak)", borderColor: "var(--warn)" }}>
          <strong>A reviewer returned your work.</strong>
          <p style={{ margin: "0.3rem 0 0", whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{returned.returnComment}</p>
        </div>
      ) : null}
      <div className="grid-2" style={{ gridTemplateColumns: "minmax(0, 3fr) minmax(260px, 1fr)" }}>
        <section>
          <div className="row">
            <h2 style={{ margin: 0 }} data-testid="document-title">{document.title}</h2>
            <StateBadge state={document.state} />
            <span className="spacer" />
            {annotating ? (
              <Link className="button" href={`/projects/${projectId}/documents/${documentId}/annotate`} data-testid="open-annotate">
                Annotate →
              </Link>
            ) : null}
            {permissions.includes("review.view") ? (
              <Link className={`button${document.state === "IN_REVIEW" || document.state === "READY_FOR_REVIEW" ? "" : " secondary"}`} href={`/projects/${projectId}/documents/${documentId}/review`} data-testid="open-review">
                Review →
              </Link>
            ) : null}
          </div>
          <DocumentReader
            documentId={document.id}
            sentences={document.sentences}
            language={document.language}
            canEdit={permissions.includes("documents.editSegments")}
          />
          <CommentThreadPanel
            projectId={projectId}
            documentId={documentId}
            comments={comments}
            currentUserId={user.id}
            canWrite={permissions.includes("comments.write")}
            canResolveAny={permissions.includes("comments.resolve")}
          />
        </section>
        <aside>
          <AssignmentsPanel
            projectId={projectId}
            documentId={documentId}
            documentState={document.state}
            assignments={assignments}
            members={members.filter((m) => m.active).map((m) => ({ id: m.id, name: m.name, email: m.email, roles: m.roles }))}
            currentUserId={user.id}
            canManage={permissions.includes("assignments.manage")}
            canReview={permissions.includes("review.act")}
            canReopen={permissions.includes("documents.reopen")}
          />
          <section className="panel">
            <h3 style={{ marginTop: 0 }}>Metadata</h3>
            <dl style={{ margin: 0 }}>
              {facts
                .filter(([, value]) => value)
                .map(([label, value]) => (
                  <div key={label} style={{ marginBottom: "0.4rem" }}>
                    <dt className="muted small">{label}</dt>
                    <dd style={{ margin: 0 }}>{value}</dd>
                  </div>
                ))}
              {document.url && /^https?:\/\//i.test(document.url) ? (
                <div>
                  <dt className="muted small">URL</dt>
                  <dd style={{ margin: 0, wordBreak: "break-all" }}>
                    <a href={document.url} rel="noopener noreferrer nofollow" target="_blank">{document.url}</a>
                  </dd>
                </div>
              ) : null}
            </dl>
          </section>
          <Timeline
            events={history.events}
            people={members}
            hasMore={history.nextBefore !== null}
            paging={{
              group,
              nextBefore: history.nextBefore,
              paged: before !== null,
              href: (q) => {
                const search = new URLSearchParams({ ...(q.group ? { events: q.group } : {}), ...(q.before ? { before: q.before } : {}) }).toString();
                return `/projects/${projectId}/documents/${documentId}${search ? `?${search}` : ""}#timeline`;
              },
            }}
            historyHref={(annotationId) => `/projects/${projectId}/documents/${documentId}/annotations/${encodeURIComponent(annotationId)}`}
          />
        </aside>
      </div>
    </>
  );
}
