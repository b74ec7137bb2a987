import "server-only";
import { labelSchemaOf } from "@/lib/schema/label-schema-of";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { listDatasetVersions } from "./list-datasets";

/** What the Exports page shows: versions, how many documents are signed off, the span types and annotators to filter on. */
export async function getExportOverview(user: AuthenticatedUser, projectId: string) {
  const access = await requireProjectPermission(user, projectId, "datasets.view");
  const [versions, signedOff, project, annotators] = await Promise.all([
    listDatasetVersions(user, projectId),
    prisma().document.count({ where: { projectId, state: "SIGNED_OFF" } }),
    prisma().project.findUniqueOrThrow({ where: { id: projectId }, select: { labelSchema: true } }),
    prisma().membership.findMany({
      where: { projectId, roles: { has: "ANNOTATOR" } },
      select: { user: { select: { id: true, name: true, email: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  const schema = labelSchemaOf(project.labelSchema);
  return {
    versions,
    signedOff,
    spanTypes: schema.spanTypes.filter((t) => !t.retired).map((t) => ({ name: t.name, label: t.label })),
    annotators: annotators.map((m) => ({ id: m.user.id, name: m.user.name || m.user.email })),
    canCreate: access.permissions.includes("datasets.create"),
  };
}
