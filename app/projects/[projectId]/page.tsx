import Link from "next/link";
import { BulkAssignForm } from "@/components/workflow/bulk-assign-form";
import { BULK_FORM_ID } from "@/components/workflow/bulk-form-id";
import { SelectAllCheckbox } from "@/components/workflow/select-all-checkbox";
import { StateBadge, stateLabel } from "@/components/workflow/state-badge";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { myAnnotatorAssignments } from "@/lib/annotator/my-assignments";
import { listDocuments } from "@/lib/documents/list-documents";
import { listMembers, getProject } from "@/lib/projects/projects";
import { documentStateFilterSchema } from "@/lib/validation/documents";
import { assignmentSummaries } from "@/lib/workflow/assignment-summaries";
import { DOCUMENT_STATES } from "@/lib/workflow/state-machine";

export default async function ProjectDocumentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ cursor?: string; state?: string }>;
}) {
  const user = await requireUser();
  const { projectId } = await params;
  const { cursor, state: stateParam } = await searchParams;
  // An unknown ?state= shows everything rather than an error page.
  const parsed = documentStateFilterSchema.safeParse((stateParam ?? "").toUpperCase());
  const state = parsed.success ? parsed.data : null;
  const [project, page] = await guardPage(() =>
    Promise.all([getProject(user, projectId), listDocuments(user, projectId, { cursor, limit: 100, state })]),
  );
  const canManage = project.permissions.includes("assignments.manage");
  const canAnnotate = project.permissions.includes("annotations.write");
  const [summaries, members, mine] = await guardPage(() =>
    Promise.all([
      assignmentSummaries(user, projectId, page.items.map((d) => d.id)),
      canManage ? listMembers(user, projectId) : Promise.resolve([]),
      canAnnotate ? myAnnotatorAssignments(user, page.items.map((d) => d.id)) : Promise.resolve(new Map<string, string>()),
    ]),
  );
  const base = `/projects/${projectId}`;
  const filterHref = (s: string | null) => (s ? `${base}?state=${s.toLowerCase()}` : base);

  if (page.items.length === 0 && !cursor && !state) {
    return (
      <div className="panel empty" data-testid="documents-empty">
        <strong>No documents yet</strong>
        {project.permissions.includes("documents.import")
          ? "Import articles to start annotating."
          : "A project manager has not imported any articles yet."}
      </div>
    );
  }
  const active = members.filter((m) => m.active);
  return (
    <>
      <nav className="row" aria-label="Filter by state" data-testid="state-filter" style={{ marginBottom: "0.75rem" }}>
        <span className="muted small">State:</span>
        {[null, ...DOCUMENT_STATES].map((s) => (
          <Link key={s ?? "all"} href={filterHref(s)} aria-current={s === state ? "page" : undefined} className={`badge ${s === state ? "" : "grey"}`}>
            {s ? stateLabel(s) : "all"}
          </Link>
        ))}
      </nav>
      {page.items.length === 0 ? (
        <div className="panel empty" data-testid="documents-empty-filter">
          <strong>No documents are {state ? stateLabel(state) : "here"}</strong>
          <Link href={base}>Show all documents</Link>
        </div>
      ) : (
        <table className="data" data-testid="documents-table">
          <thead>
            <tr>
              {canManage ? (
                <th style={{ width: "2rem" }}>
                  <SelectAllCheckbox />
                </th>
              ) : null}
              <th>Title</th>
              <th>Language</th>
              <th className="num">Sentences</th>
              <th>Annotators</th>
              <th>Reviewer</th>
              <th>State</th>
              {canAnnotate ? <th>My annotations</th> : null}
            </tr>
          </thead>
          <tbody>
            {page.items.map((d) => {
              const summary = summaries.get(d.id);
              return (
                <tr key={d.id} data-state={d.state}>
                  {canManage ? (
                    <td>
                      <input type="checkbox" name="documentIds" value={d.id} form={BULK_FORM_ID} aria-label={`Select ${d.title}`} />
                    </td>
                  ) : null}
                  <td>
                    <Link href={`${base}/documents/${d.id}`}>{d.title}</Link>
                  </td>
                  <td>{d.language}</td>
                  <td className="num">{d.sentenceCount}</td>
                  <td className="small">
                    {summary?.annotators ? (
                      <>
                        {summary.annotatorNames.join(", ")}
                        <div className="muted">{summary.submitted}/{summary.annotators} submitted</div>
                      </>
                    ) : (
                      <span className="muted">unassigned</span>
                    )}
                  </td>
                  <td className="small">{summary?.reviewerNames.join(", ") || <span className="muted">—</span>}</td>
                  <td>
                    <StateBadge state={d.state} />
                  </td>
                  {canAnnotate ? (
                    <td className="small">
                      {mine.has(d.id) ? (
                        <>
                          <Link href={`${base}/documents/${d.id}/annotate`} data-testid="annotate-link">
                            {mine.get(d.id) === "SUBMITTED" ? "View my annotations" : "Annotate"}
                          </Link>{" "}
                          <span className="muted">{mine.get(d.id)!.toLowerCase().replaceAll("_", " ")}</span>
                        </>
                      ) : (
                        <span className="muted">not assigned</span>
                      )}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {page.nextCursor ? (
        <p>
          <Link href={`${base}?${new URLSearchParams({ ...(state ? { state: state.toLowerCase() } : {}), cursor: page.nextCursor }).toString()}`}>Next page →</Link>
        </p>
      ) : null}
      {canManage && page.items.length > 0 ? (
        <BulkAssignForm
          projectId={projectId}
          annotators={active.filter((m) => m.roles.includes("ANNOTATOR")).map((m) => ({ id: m.id, name: m.name }))}
          reviewers={active.filter((m) => m.roles.includes("REVIEWER")).map((m) => ({ id: m.id, name: m.name }))}
        />
      ) : null}
    </>
  );
}
