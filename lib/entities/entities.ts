import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { createEntitySchema, mergeEntitySchema, updateEntitySchema } from "@/lib/validation/entities";
import { parseOrThrow } from "@/lib/validation/parse";
import { entityTypeEnum, toEntityDto, type EntityDto } from "./entity-dto";

const SELECT = { id: true, name: true, aliases: true, type: true, _count: { select: { annotations: true } } } as const;

/** The project's speaker registry (entities merged into another are left out). */
export async function listEntities(user: AuthenticatedUser, projectId: string): Promise<EntityDto[]> {
  await requireProjectPermission(user, projectId, "project.view");
  const rows = await prisma().entity.findMany({ where: { projectId, mergedIntoId: null }, orderBy: { name: "asc" }, select: SELECT });
  return rows.map(toEntityDto);
}

export async function createEntity(user: AuthenticatedUser, projectId: string, input: unknown): Promise<EntityDto> {
  const access = await requireProjectPermission(user, projectId, "entities.create");
  const data = parseOrThrow(createEntitySchema, input);
  return prisma().$transaction(async (tx) => {
    const clash = await tx.entity.findFirst({
      where: { projectId, mergedIntoId: null, OR: [{ name: { equals: data.name, mode: "insensitive" } }, { aliases: { has: data.name } }] },
      select: SELECT,
    });
    if (clash) {
      // Same name (in any case) or one of its aliases: say which, and hand back the speaker so a
      // form can select it instead of creating a second one.
      const sameName = clash.name.toLocaleLowerCase() === data.name.toLocaleLowerCase();
      const message = sameName ? `"${clash.name}" is already in the speaker registry.` : `"${data.name}" is already in the speaker registry, as an alias of "${clash.name}".`;
      throw new AppError("duplicate", message, { details: { existingId: clash.id, existing: toEntityDto(clash) } });
    }
    const entity = await tx.entity.create({ data: { projectId, name: data.name, type: entityTypeEnum(data.type), aliases: data.aliases }, select: SELECT });
    await tx.auditEvent.create({ data: { projectId: access.projectId, actorId: user.id, action: "entity.create", after: toEntityDto(entity) } });
    return toEntityDto(entity);
  });
}

/** Rename, retype or edit aliases (manager). */
export async function updateEntity(user: AuthenticatedUser, projectId: string, entityId: string, input: unknown): Promise<EntityDto> {
  await requireProjectPermission(user, projectId, "entities.manage");
  const data = parseOrThrow(updateEntitySchema, input);
  return prisma().$transaction(async (tx) => {
    const before = await tx.entity.findFirst({ where: { id: entityId, projectId }, select: SELECT });
    if (!before) throw new AppError("not_found", "Entity not found.");
    if (data.name && data.name !== before.name) {
      const clash = await tx.entity.findFirst({ where: { projectId, id: { not: entityId }, name: { equals: data.name, mode: "insensitive" } }, select: { id: true } });
      if (clash) throw new AppError("duplicate", `Another entity is already called "${data.name}"; merge them instead.`, { details: { existingId: clash.id } });
    }
    const after = await tx.entity.update({
      where: { id: entityId },
      data: { name: data.name, aliases: data.aliases, type: data.type ? entityTypeEnum(data.type) : undefined },
      select: SELECT,
    });
    await tx.auditEvent.create({ data: { projectId, actorId: user.id, action: "entity.update", before: toEntityDto(before), after: toEntityDto(after) } });
    return toEntityDto(after);
  });
}

/**
 * Merges `entityId` into `input.into` (manager): every annotation pointing at the merged entity is
 * re-pointed, its name and aliases become aliases of the kept entity, and it is kept as a tombstone
 * (`mergedIntoId`) so old references still resolve.
 */
/**
 * Joint statements name further speakers in `attributes.coSpeakers` (entity ids, in order): the
 * merged entity becomes the kept one there too, in place, without listing a speaker twice (nor the
 * annotation's first speaker, once that is re-pointed). Runs before the speaker column is
 * re-pointed; returns how many annotations changed that the speaker re-point does not count.
 */
async function repointCoSpeakers(tx: Prisma.TransactionClient, projectId: string, from: string, to: string): Promise<number> {
  const rows = await tx.$queryRaw<{ speaker_id: string | null }[]>`
    UPDATE annotations a
    SET attributes = CASE WHEN f.list = '[]'::jsonb THEN a.attributes - 'coSpeakers' ELSE jsonb_set(a.attributes, '{coSpeakers}', f.list) END,
        version = a.version + 1
    FROM (
      SELECT x.id, COALESCE(jsonb_agg(to_jsonb(x.sid) ORDER BY x.ord) FILTER (WHERE x.sid IS DISTINCT FROM x.first), '[]'::jsonb) AS list
      FROM (
        SELECT a2.id, CASE WHEN a2.speaker_id = ${from} THEN ${to} ELSE a2.speaker_id END AS first,
               CASE WHEN c.sid = ${from} THEN ${to} ELSE c.sid END AS sid, min(c.ord) AS ord
        FROM annotations a2
        JOIN documents d ON d.id = a2.document_id AND d.project_id = ${projectId}
        CROSS JOIN LATERAL jsonb_array_elements_text(a2.attributes->'coSpeakers') WITH ORDINALITY AS c(sid, ord)
        WHERE jsonb_typeof(a2.attributes->'coSpeakers') = 'array'
          AND (a2.attributes->'coSpeakers' ? ${from} OR (a2.speaker_id = ${from} AND a2.attributes->'coSpeakers' ? ${to}))
        GROUP BY a2.id, 2, 3
      ) x
      GROUP BY x.id
    ) f
    WHERE a.id = f.id
    RETURNING a.speaker_id`;
  return rows.filter((r) => r.speaker_id !== from).length;
}

export async function mergeEntity(user: AuthenticatedUser, projectId: string, entityId: string, input: unknown) {
  await requireProjectPermission(user, projectId, "entities.manage");
  const { into } = parseOrThrow(mergeEntitySchema, input);
  if (into === entityId) throw new AppError("validation_failed", "Invalid input — into: an entity cannot be merged into itself", { details: { fields: { into: ["Choose a different entity"] } } });
  return prisma().$transaction(async (tx) => {
    // One after the other: a transaction's connection runs one query at a time.
    const source = await tx.entity.findFirst({ where: { id: entityId, projectId }, select: { ...SELECT, mergedIntoId: true } });
    const target = await tx.entity.findFirst({ where: { id: into, projectId }, select: { ...SELECT, mergedIntoId: true } });
    if (!source) throw new AppError("not_found", "Entity not found.");
    if (!target) throw new AppError("validation_failed", "Invalid input — into: no such entity in this project", { details: { fields: { into: ["No such entity in this project"] } } });
    if (source.mergedIntoId || target.mergedIntoId) throw new AppError("conflict", "One of these entities has already been merged into another.");
    const coRepointed = await repointCoSpeakers(tx, projectId, source.id, target.id);
    const repointed = await tx.annotation.updateMany({ where: { speakerId: source.id }, data: { speakerId: target.id, version: { increment: 1 } } });
    await tx.suggestion.updateMany({ where: { entityId: source.id }, data: { entityId: target.id } });
    const aliases = [...new Set([...target.aliases, source.name, ...source.aliases])].filter((a) => a.toLowerCase() !== target.name.toLowerCase());
    const kept = await tx.entity.update({ where: { id: target.id }, data: { aliases }, select: SELECT });
    await tx.entity.update({ where: { id: source.id }, data: { mergedIntoId: target.id } });
    await tx.auditEvent.create({
      data: { projectId, actorId: user.id, action: "entity.merge", before: { merged: toEntityDto(source), kept: toEntityDto(target) }, after: { kept: toEntityDto(kept), repointed: repointed.count } },
    });
    return { entity: toEntityDto(kept), repointedAnnotations: repointed.count + coRepointed };
  });
}
