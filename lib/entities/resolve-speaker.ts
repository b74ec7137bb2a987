import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { SpeakerRef } from "@/lib/validation/annotations";
import { entityTypeEnum } from "./entity-dto";

/**
 * The entity a speaker reference points at: `{id}` of a project entity (a merged one is followed
 * to the entity it was merged into), or `{name}` matched case-insensitively against names and
 * aliases, else created — so a speaker can be added inline while annotating.
 */
export async function resolveSpeaker(tx: Prisma.TransactionClient, projectId: string, ref: SpeakerRef, path = "attributes.speaker"): Promise<string> {
  if ("id" in ref) {
    let entity = await tx.entity.findFirst({ where: { id: ref.id, projectId }, select: { id: true, mergedIntoId: true } });
    for (let hops = 0; entity?.mergedIntoId && hops < 10; hops++) {
      entity = await tx.entity.findFirst({ where: { id: entity.mergedIntoId, projectId }, select: { id: true, mergedIntoId: true } });
    }
    if (!entity) {
      throw new AppError("validation_failed", `Invalid input — ${path}: no entity ${ref.id} in this project`, { details: { fields: { [path]: ["No such entity in this project"] } } });
    }
    return entity.id;
  }
  const name = ref.name.trim();
  const existing = await tx.entity.findFirst({
    where: { projectId, mergedIntoId: null, OR: [{ name: { equals: name, mode: "insensitive" } }, { aliases: { has: name } }] },
    select: { id: true },
  });
  if (existing) return existing.id;
  const created = await tx.entity.upsert({
    where: { projectId_name: { projectId, name } },
    update: {},
    create: { projectId, name, type: entityTypeEnum(ref.type ?? "person") },
    select: { id: true },
  });
  return created.id;
}
