import type { Metadata } from "next";
import { CreateEntityForm } from "@/components/speakers/create-entity-form";
import { EditEntityForm } from "@/components/speakers/edit-entity-form";
import { MergeEntityForm } from "@/components/speakers/merge-entity-form";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { listEntities } from "@/lib/entities/entities";
import { getProject } from "@/lib/projects/projects";

export const metadata: Metadata = { title: "Speakers" };

/** The project's speaker registry: who is quoted how often; managers rename and merge. */
export default async function SpeakersPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser();
  const { projectId } = await params;
  const { q } = await searchParams;
  const [project, entities] = await guardPage(() => Promise.all([getProject(user, projectId), listEntities(user, projectId)]));
  const canManage = project.permissions.includes("entities.manage");
  const canCreate = project.permissions.includes("entities.create");
  const needle = q?.trim().toLowerCase() ?? "";
  const shown = needle ? entities.filter((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(needle))) : entities;
  return (
    <>
      {canCreate ? (
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>Add a speaker</h2>
          <CreateEntityForm projectId={projectId} />
        </section>
      ) : null}
      <form className="row" method="get" style={{ margin: "1rem 0" }}>
        <input type="search" name="q" defaultValue={q ?? ""} aria-label="Find a speaker" placeholder="Find by name or alias…" style={{ flex: 1 }} />
        <button type="submit" className="secondary">Find</button>
      </form>
      {entities.length === 0 ? (
        <div className="panel empty" data-testid="speakers-empty">
          <strong>No speakers yet</strong>
          Speakers are added when a quote is attributed (annotators can create them inline), from the Suggestions tab, or with the form above.
        </div>
      ) : (
        <table className="data" data-testid="speakers-table">
          <thead>
            <tr>
              <th>Speaker</th>
              <th>Type</th>
              <th>Aliases</th>
              <th className="num">Annotations</th>
              {canManage ? <th>Manage</th> : null}
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.id} data-entity={e.id}>
                <td>
                  <strong>{e.name}</strong>
                </td>
                <td>{e.type}</td>
                <td className="small">{e.aliases.join(", ") || <span className="muted">—</span>}</td>
                <td className="num">{e.annotationCount ?? 0}</td>
                {canManage ? (
                  <td style={{ minWidth: "22rem" }}>
                    <details>
                      <summary>Rename or merge</summary>
                      <EditEntityForm projectId={projectId} entity={e} />
                      <MergeEntityForm projectId={projectId} entity={e} others={entities.filter((o) => o.id !== e.id)} />
                    </details>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entities.length > 0 && shown.length === 0 ? <p className="muted">No speaker matches “{q}”.</p> : null}
    </>
  );
}
