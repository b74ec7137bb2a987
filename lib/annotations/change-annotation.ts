import "server-only";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { deleteAnnotationSchema, updateAnnotationSchema } from "@/lib/validation/annotations";
import { parseOrThrow } from "@/lib/validation/parse";
import { ANNOTATION_SELECT, SENTENCE_TYPE, toAnnotationDto, type AnnotationDto, type AnnotationRow, auditJson } from "./annotation-dto";
import { checkAttributes, checkOffsets } from "./check-input";
import { requireAnnotatorWrite, type WriteContext } from "./write-access";

/** Loads an annotation the caller may change: their own annotator layer. */
async function ownAnnotation(tx: Prisma.TransactionClient, user: AuthenticatedUser, annotationId: string) {
  const found = await prisma().annotation.findUnique({ where: { id: annotationId }, select: { documentId: true } });
  if (!found) throw new AppError("not_found", "Annotation not found.");
  // Membership and role first: a non-member learns nothing about the annotation.
  const context = await requireAnnotatorWrite(tx, user, found.documentId);
  const row = await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: ANNOTATION_SELECT });
  if (row.layer === "GOLD") throw new AppError("forbidden", "The gold layer is edited on the review page.");
  if (row.authorId !== user.id) throw new AppError("forbidden", "This annotation belongs to another annotator's layer.");
  return { row, context };
}

/** A stale version is a conflict carrying the current state, so the client can show both. */
function requireVersion(row: AnnotationRow, version: number, context: WriteContext): void {
  if (row.version !== version) {
    throw new AppError("stale_version", `Someone changed this annotation since you loaded it (version ${row.version}, yours ${version}).`, {
      details: { current: toAnnotationDto(row, context.text) },
    });
  }
}

async function audit(tx: Prisma.TransactionClient, context: WriteContext, user: AuthenticatedUser, action: string, before: AnnotationDto, after?: AnnotationDto) {
  await tx.auditEvent.create({
    data: { projectId: context.projectId, documentId: context.documentId, annotationId: before.id, actorId: user.id, action, before: auditJson(before), after: after ? auditJson(after) : undefined },
  });
}

/** Moves a span or changes its attributes / a sentence's labels; `version` must be current. */
export async function updateAnnotation(user: AuthenticatedUser, annotationId: string, input: unknown): Promise<AnnotationDto> {
  return prisma().$transaction(async (tx) => {
    const { row, context } = await ownAnnotation(tx, user, annotationId);
    const data = parseOrThrow(updateAnnotationSchema, input);
    requireVersion(row, data.version, context);
    const before = toAnnotationDto(row, context.text);
    const isSentence = row.type === SENTENCE_TYPE;
    const change: Prisma.AnnotationUpdateManyMutationInput & { speakerId?: string | null } = {};

    if (isSentence) {
      if (data.start !== undefined || data.end !== undefined || data.attributes) throw new AppError("validation_failed", "Sentence labels have no offsets or attributes; send `labels`.");
      if (data.labels) change.attributes = (await checkAttributes(tx, context, "sentence", data.labels, before.attributes)).attributes as object;
    } else {
      if (data.labels) throw new AppError("validation_failed", "Spans have attributes, not labels; send `attributes`.");
      const start = data.start ?? row.start!;
      const end = data.end ?? row.end!;
      checkOffsets(context, start, end);
      change.start = start;
      change.end = end;
      if (data.attributes) {
        const previous = { ...before.attributes, ...(before.speaker ? { speaker: { id: before.speaker.id } } : {}) };
        const checked = await checkAttributes(tx, context, { span: row.type, previousType: row.type }, data.attributes, previous);
        change.attributes = checked.attributes as object;
        if (checked.speakerId !== undefined) change.speakerId = checked.speakerId;
      }
    }
    // The version in the WHERE makes the check and the write one atomic step.
    const updated = await tx.annotation.updateMany({ where: { id: annotationId, version: row.version }, data: { ...change, version: { increment: 1 } } });
    if (updated.count !== 1) throw new AppError("stale_version", "Someone changed this annotation at the same moment; reload it.");
    const after = toAnnotationDto(await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: ANNOTATION_SELECT }), context.text);
    await audit(tx, context, user, "annotation.update", before, after);
    return after;
  });
}

export async function deleteAnnotation(user: AuthenticatedUser, annotationId: string, input: unknown): Promise<void> {
  await prisma().$transaction(async (tx) => {
    const { row, context } = await ownAnnotation(tx, user, annotationId);
    const { version } = parseOrThrow(deleteAnnotationSchema, input);
    requireVersion(row, version, context);
    const deleted = await tx.annotation.deleteMany({ where: { id: annotationId, version: row.version } });
    if (deleted.count !== 1) throw new AppError("stale_version", "Someone changed this annotation at the same moment; reload it.");
    await audit(tx, context, user, "annotation.delete", toAnnotationDto(row, context.text));
  });
}
