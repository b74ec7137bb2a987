import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseOrThrow } from "@/lib/validation/parse";
import { suggesterSettingsSchema, type SuggesterSettingsInput } from "@/lib/validation/suggestions";
import { projectSettingsOf } from "./settings";

/** Switches suggesters on or off; a switched-off suggester produces nothing on the next run. */
export async function updateSuggesterSettings(user: AuthenticatedUser, projectId: string, input: unknown): Promise<SuggesterSettingsInput> {
  await requireProjectPermission(user, projectId, "suggestions.manage");
  const suggesters = parseOrThrow(suggesterSettingsSchema, input);
  return prisma().$transaction(async (tx) => {
    const current = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { settings: true } });
    const before = projectSettingsOf(current.settings);
    const settings = { ...before, suggesters };
    await tx.project.update({ where: { id: projectId }, data: { settings: settings as Prisma.InputJsonValue } });
    await tx.auditEvent.create({
      data: { projectId, actorId: user.id, action: "project.suggesters", before: before.suggesters, after: suggesters },
    });
    return suggesters;
  });
}
