import type { Metadata } from "next";
import Link from "next/link";
import { CreateProjectForm } from "@/components/projects/create-project-form";
import { requireUser } from "@/lib/auth/current-user";
import { projectLandingHref } from "@/lib/projects/project-tabs";
import { listProjectsForUser } from "@/lib/projects/projects";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const user = await requireUser();
  const projects = await listProjectsForUser(user);
  return (
    <main className="page">
      <h1>Projects</h1>
      {projects.length === 0 ? (
        <div className="panel empty">
          <strong>You are not a member of any project yet</strong>
          {user.isAdmin ? "Create one below." : "Ask a project manager to add you to a project."}
        </div>
      ) : (
        <table className="data" data-testid="projects-table">
          <thead>
            <tr>
              <th>Project</th>
              <th>Your roles</th>
              <th className="num">Documents</th>
              <th className="num">Members</th>
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={projectLandingHref(p.id, p.roles, user.isAdmin)}>{p.name}</Link>
                  {p.description ? <div className="muted small">{p.description}</div> : null}
                </td>
                <td>
                  {p.roles.length ? p.roles.map((r) => <span key={r} className="badge">{r.toLowerCase()}</span>) : <span className="badge grey">admin</span>}
                </td>
                <td className="num">{p.documentCount}</td>
                <td className="num">{p.memberCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {user.isAdmin ? (
        <section className="panel" style={{ marginTop: "1.5rem", maxWidth: 560 }}>
          <h2>New project</h2>
          <CreateProjectForm />
        </section>
      ) : null}
    </main>
  );
}
