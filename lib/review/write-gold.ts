import "server-only";
import crypto from "node:crypto";
import { ANNOTATION_SELECT, auditJson, toAnnotationDto, type AnnotationRow } from "@/lib/annotations/annotation-dto";
import type { AnnotationContent } from "@/lib/annotations/annotation-rows";
import { prismaSql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { deleteRelationsOf } from "@/lib/relations/relation-rows";

export type GoldContent = AnnotationContent & {
  /** review:auto, review:accept, review:edit, review:add, review:override. */
  origin: string;
};

export type GoldContext = { projectId: string; documentId: string; actorId: string; /** The document text, for the DTO's covered text. */ text: string };

const goldSelect = ANNOTATION_SELECT;

/**
 * Makes the gold annotation of one match equal `next` (or removes it when null), updating in place
 * when one exists so its history stays one row. Writes annotation.create/update/delete audit
 * events in the caller's transaction. Returns the gold annotation id, or null.
 */
export async function setGold(tx: Prisma.TransactionClient, ctx: GoldContext, previousId: string | null, next: GoldContent | null): Promise<string | null> {
  const previous = previousId ? await tx.annotation.findFirst({ where: { id: previousId, documentId: ctx.documentId, layer: "GOLD" }, select: goldSelect }) : null;
  // Audit snapshots are the annotation DTO, as for annotator-layer writes (lib/annotations).
  const auditDto = (row: AnnotationRow) => auditJson(toAnnotationDto(row, ctx.text));
  const audit = (action: string, annotationId: string, before: Prisma.InputJsonObject | null, after: Prisma.InputJsonObject | null) =>
    tx.auditEvent.create({
      data: { projectId: ctx.projectId, documentId: ctx.documentId, annotationId, actorId: ctx.actorId, action, before: before ?? undefined, after: after ?? undefined },
    });

  if (!next) {
    if (!previous) return null;
    await deleteRelationsOf(prismaSql(tx), { projectId: ctx.projectId, actorId: ctx.actorId }, [previous.id]);
    await tx.annotation.delete({ where: { id: previous.id } });
    await audit("annotation.delete", previous.id, auditDto(previous), null);
    return null;
  }
  const data = {
    type: next.type, start: next.start, end: next.end, gaps: next.gaps && next.gaps.length > 0 ? next.gaps : Prisma.DbNull, sentenceIndex: next.sentenceIndex,
    attributes: next.attributes as Prisma.InputJsonValue, speakerId: next.speakerId, origin: next.origin, authorId: ctx.actorId,
  };
  if (previous) {
    const updated = await tx.annotation.update({ where: { id: previous.id }, data: { ...data, version: { increment: 1 } }, select: goldSelect });
    await audit("annotation.update", updated.id, auditDto(previous), auditDto(updated));
    return updated.id;
  }
  const created = await tx.annotation.create({ data: { ...data, id: crypto.randomUUID(), documentId: ctx.documentId, layer: "GOLD" }, select: goldSelect });
  await audit("annotation.create", created.id, null, auditDto(created));
  return created.id;
}
