import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { LabelSchemaEditor } from "@/components/projects/label-schema-editor";
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
    <>
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
            suggestionThreshold: project.settings.suggestionThreshold,
          }}
          retiredTargets={retired}
        />
      </section>
      <p className="hint" style={{ maxWidth: 720 }}>
        Suggesters:{" "}
        {(["editorial", "quote", "claim"] as const).map((k) => `${k} ${project.settings.suggesters[k] ? "on" : "off"}`).join(", ")} — switch them and re-run them on the{" "}
        <Link href={`/projects/${project.id}/suggestions`}>Suggestions</Link> tab.
      </p>
      {project.permissions.includes("schema.edit") ? (
        <section style={{ maxWidth: 960 }}>
          <LabelSchemaEditor projectId={project.id} schema={project.labelSchema} schemaVersion={project.schemaVersion} />
        </section>
      ) : null}
    </>
  );
}
