import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { myAnnotatorAssignments } from "@/lib/annotator/my-assignments";
import { listDocuments } from "@/lib/documents/list-documents";
import { getProject } from "@/lib/projects/projects";

export default async function ProjectDocumentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const user = await requireUser();
  const { projectId } = await params;
  const { cursor } = await searchParams;
  const [project, page] = await guardPage(() =>
    Promise.all([getProject(user, projectId), listDocuments(user, projectId, { cursor, limit: 100 })]),
  );
  const canAnnotate = project.permissions.includes("annotations.write");
  const mine = canAnnotate ? await myAnnotatorAssignments(user, page.items.map((d) => d.id)) : new Map<string, string>();
  if (page.items.length === 0 && !cursor) {
    return (
      <div className="panel empty" data-testid="documents-empty">
        <strong>No documents yet</strong>
        {project.permissions.includes("documents.import")
          ? "Import articles to start annotating."
          : "A project manager has not imported any articles yet."}
      </div>
    );
  }
  return (
    <>
      <table className="data" data-testid="documents-table">
        <thead>
          <tr>
            <th>Title</th>
            <th>Language</th>
            <th className="num">Sentences</th>
            <th>State</th>
            {canAnnotate ? <th>My work</th> : null}
          </tr>
        </thead>
        <tbody>
          {page.items.map((d) => (
            <tr key={d.id}>
              <td>
                <Link href={`/projects/${projectId}/documents/${d.id}`}>{d.title}</Link>
              </td>
              <td>{d.language}</td>
              <td className="num">{d.sentenceCount}</td>
              <td>
                <span className="badge grey">{d.state.toLowerCase().replaceAll("_", " ")}</span>
              </td>
              {canAnnotate ? (
                <td>
                  {mine.has(d.id) ? (
                    <>
                      <Link href={`/projects/${projectId}/documents/${d.id}/annotate`} data-testid="annotate-link">
                        {mine.get(d.id) === "SUBMITTED" ? "View my annotations" : "Annotate"}
                      </Link>{" "}
                      <span className="muted small">{mine.get(d.id)!.toLowerCase().replaceAll("_", " ")}</span>
                    </>
                  ) : (
                    <span className="muted small">not assigned</span>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {page.nextCursor ? (
        <p>
          <Link href={`/projects/${projectId}?cursor=${encodeURIComponent(page.nextCursor)}`}>Next page →</Link>
        </p>
      ) : null}
    </>
  );
}
