import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { EntityIndex, type RegistryEntity } from "@/lib/suggestions";

export type SpeakerResolver = {
  /** The live entity for a stored suggestion: merges followed, then the name matched again. */
  resolve: (entityId: string | null, speakerName: string | null) => string | null;
  active: RegistryEntity[];
};

/**
 * The registry changes after suggestions are stored (entities are added, merged), so speakers are
 * resolved again when suggestions are read: a name added to the registry links at once, and a
 * merged entity's suggestions point at the entity it was merged into.
 */
export async function speakerResolver(projectId: string, db: Pick<Prisma.TransactionClient, "entity"> = prisma()): Promise<SpeakerResolver> {
  const rows = await db.entity.findMany({ where: { projectId }, select: { id: true, name: true, aliases: true, type: true, mergedIntoId: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const active: RegistryEntity[] = rows
    .filter((r) => r.mergedIntoId === null)
    .map((r) => ({ id: r.id, name: r.name, aliases: r.aliases.filter((a) => a.trim().length > 0), type: r.type }));
  const index = new EntityIndex(active);
  const follow = (id: string): string | null => {
    let current = byId.get(id);
    // Bounded, in case a merge chain were ever circular.
    for (let hops = 0; current?.mergedIntoId && hops < 20; hops++) current = byId.get(current.mergedIntoId);
    return current && current.mergedIntoId === null ? current.id : null;
  };
  return {
    active,
    resolve: (entityId, speakerName) => (entityId ? follow(entityId) : null) ?? (speakerName ? (index.match(speakerName)?.id ?? null) : null),
  };
}
