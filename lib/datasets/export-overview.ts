import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import type { LabelSchema } from "@/lib/schema/label-schema";
import { listDatasetVersions } from "./list-datasets";

/** What the Exports page shows: versions, how many documents are signed off, the span types to filter on. */
export async function getExportOverview(user: AuthenticatedUser, projectId: string) {
  const access = await requireProjectPermission(user, projectId, "datasets.view");
  const [versions, signedOff, project] = await Promise.all([
    listDatasetVersions(user, projectId),
    prisma().document.count({ where: { projectId, state: "SIGNED_OFF" } }),
    prisma().project.findUniqueOrThrow({ where: { id: projectId }, select: { labelSchema: true } }),
  ]);
  const schema = project.labelSchema as LabelSchema;
  return {
    versions,
    signedOff,
    spanTypes: schema.spanTypes.filter((t) => !t.retired).map((t) => ({ name: t.name, label: t.label })),
    canCreate: access.permissions.includes("datasets.create"),
  };
}
