import type { ReactNode } from "react";
import { NavLink } from "@/components/layout/nav-link";
import { ProjectTabs } from "@/components/projects/project-tabs";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { getProjectHeader } from "@/lib/projects/projects";
import { projectTabsFor } from "@/lib/projects/project-tabs";

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const user = await requireUser();
  const { projectId } = await params;
  const project = await guardPage(() => getProjectHeader(user, projectId));
  return (
    <main className="page">
      <div className="breadcrumbs">
        <NavLink href="/projects">Projects</NavLink> / {project.name}
      </div>
      <div className="row">
        <h1 style={{ margin: 0 }}>{project.name}</h1>
        {project.roles.map((r) => (
          <span key={r} className="badge">{r.toLowerCase()}</span>
        ))}
      </div>
      <ProjectTabs tabs={projectTabsFor(project.id, project.permissions)} />
      {children}
    </main>
  );
}
