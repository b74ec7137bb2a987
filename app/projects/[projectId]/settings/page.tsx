import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ProjectSettingsForm } from "@/components/projects/project-settings-form";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { getProject } from "@/lib/projects/projects";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await requireUser();
  const { projectId } = await params;
  const project = await guardPage(() => getProject(user, projectId));
  if (!project.permissions.includes("project.edit")) forbidden();
  const retired = project.labelSchema.stanceTargets.filter((t) => t.retired).map((t) => t.name);
  return (
    <section className="panel" style={{ maxWidth: 720 }}>
      <ProjectSettingsForm
        projectId={project.id}
        defaults={{
          name: project.name,
          description: project.description,
          stanceTargets: project.stanceTargets,
          preAcceptAgreed: project.settings.preAcceptAgreed,
          membersMayDownload: project.settings.membersMayDownload,
          license: project.settings.license,
          sourceDescription: project.settings.sourceDescription,
        }}
        retiredTargets={retired}
      />
    </section>
  );
}
