import Link from "next/link";
import { SortHeader, tableHref } from "@/components/documents/table-links";
import { LocalTime } from "@/components/ui/local-time";
import { BulkAssignForm } from "@/components/workflow/bulk-assign-form";
import { BULK_FORM_ID } from "@/components/workflow/bulk-form-id";
import { SelectAllCheckbox } from "@/components/workflow/select-all-checkbox";
import { StateBadge, stateLabel } from "@/components/workflow/state-badge";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { myAnnotatorAssignments } from "@/lib/annotator/my-assignments";
import { listDocumentTable } from "@/lib/documents/document-table";
import { listMembers, getProject } from "@/lib/projects/projects";
import { documentTableQuerySchema } from "@/lib/validation/document-table";
import { assignmentSummaries } from "@/lib/workflow/assignment-summaries";
import { DOCUMENT_STATES } from "@/lib/workflow/state-machine";

export default async function ProjectDocumentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { projectId } = await params;
  const raw = await searchParams;
  // Unusable parameters fall back to their defaults (see the schema) rather than an error page.
  const query = documentTableQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const { state } = query;
  const [project, page] = await guardPage(() => Promise.all([getProject(user, projectId), listDocumentTable(user, projectId, query)]));
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
  const filterHref = (s: (typeof DOCUMENT_STATES)[number] | null) => tableHref(base, query, { state: s, page: 1 });

  if (page.total === 0 && !query.q && !state) {
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
      <form className="row" role="search" action={base} style={{ marginBottom: "0.5rem" }}>
        <label htmlFor="documents-search" className="small">
          Search
        </label>
        <input id="documents-search" type="search" name="q" defaultValue={query.q} placeholder="Title or source" style={{ flex: "1 1 16rem", maxWidth: "28rem" }} />
        {state ? <input type="hidden" name="state" value={state.toLowerCase()} /> : null}
        {query.sort !== "imported" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <button type="submit" className="secondary">Search</button>
        {query.q ? <Link href={tableHref(base, query, { q: "", page: 1 })}>Clear</Link> : null}
        <span className="spacer" />
        <span className="muted small" data-testid="documents-count">
          {page.total.toLocaleString("en")} document{page.total === 1 ? "" : "s"}
        </span>
      </form>
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
          <strong>No documents {query.q ? `match “${query.q}”` : ""}{query.q && state ? " and " : ""}{state ? `are ${stateLabel(state)}` : ""}</strong>
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
              <SortHeader base={base} query={query} column="title" label="Title" />
              <SortHeader base={base} query={query} column="source" label="Source" />
              <SortHeader base={base} query={query} column="imported" label="Imported" />
              <SortHeader base={base} query={query} column="language" label="Language" />
              <SortHeader base={base} query={query} column="sentences" label="Sentences" numeric />
              <th>Labelled</th>
              <th>Annotators</th>
              <th>Reviewer</th>
              <SortHeader base={base} query={query} column="state" label="State" />
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
                  <td className="small">{d.source ?? <span className="muted">—</span>}</td>
                  <td className="small">
                    <LocalTime value={d.createdAt} />
                  </td>
                  <td>{d.language}</td>
                  <td className="num">{d.sentenceCount}</td>
                  <td className="small" data-testid="labelled">
                    {d.contentSentences ? `${Math.round((d.labelled / d.contentSentences) * 100)}%` : "—"}
                    <div className="muted">
                      {d.labelled}/{d.contentSentences} sentences
                    </div>
                  </td>
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
      {page.pages > 1 ? (
        <nav className="row" aria-label="Pages" data-testid="documents-pages" style={{ marginTop: "0.5rem" }}>
          {page.page > 1 ? <Link href={tableHref(base, query, { page: page.page - 1 })}>← Previous</Link> : null}
          <span className="muted small">
            Page {page.page} of {page.pages}
          </span>
          {page.page < page.pages ? <Link href={tableHref(base, query, { page: page.page + 1 })}>Next →</Link> : null}
        </nav>
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
