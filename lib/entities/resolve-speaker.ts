import "server-only";
import crypto from "node:crypto";
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
  // Two annotators naming the same new speaker at once: the second INSERT waits for the first to
  // commit and then does nothing; the re-read (a new snapshot) finds the committed row. Both saves
  // point at one entity. (Prisma's upsert with an empty update is not an ON CONFLICT, so it raced.)
  const type = entityTypeEnum(ref.type ?? "person");
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO entities (id, project_id, name, type, created_at)
    VALUES (${crypto.randomUUID()}, ${projectId}, ${name}, ${type}::"EntityType", now() AT TIME ZONE 'UTC')
    ON CONFLICT (project_id, name) DO NOTHING
    RETURNING id`;
  if (inserted[0]) return inserted[0].id;
  const [winner] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM entities WHERE project_id = ${projectId} AND name = ${name}`;
  if (!winner) throw new Error(`Entity "${name}" conflicted on insert but cannot be read`);
  return winner.id;
}
