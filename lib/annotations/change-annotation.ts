import "server-only";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { sqlTransaction, type Sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { deleteAnnotationSchema, updateAnnotationSchema } from "@/lib/validation/annotations";
import { parseOrThrow } from "@/lib/validation/parse";
import { SENTENCE_TYPE, type AnnotationDto } from "./annotation-dto";
import { deleteAnnotationRow, insertAuditEvent, readAnnotation, updateAnnotationRow, type AnnotationChange } from "./annotation-rows";
import { checkAttributes, checkOffsets, checkSpanGaps } from "./check-input";
import { deleteRelationsOf } from "@/lib/relations/relation-rows";
import { requireAnnotatorWrite, type WriteContext } from "./write-access";

/** Loads an annotation the caller may change: their own annotator layer. All on the transaction's connection. */
async function ownAnnotation(tx: Sql, user: AuthenticatedUser, annotationId: string) {
  // Membership and role first: a non-member learns nothing about the annotation.
  const context = await requireAnnotatorWrite(tx, user, { annotationId });
  const row = await readAnnotation(tx, annotationId);
  if (!row) throw new AppError("not_found", "Annotation not found.");
  if (row.layer === "gold") throw new AppError("forbidden", "The gold layer is edited on the review page.");
  if (row.authorId !== user.id) throw new AppError("forbidden", "This annotation belongs to another annotator's layer.");
  return { row, context };
}

/** A stale version is a conflict carrying the current state, so the client can show both. */
function requireVersion(row: AnnotationDto, version: number): void {
  if (row.version !== version) {
    throw new AppError("stale_version", `Someone changed this annotation since you loaded it (version ${row.version}, yours ${version}).`, {
      details: { current: row },
    });
  }
}

function audit(tx: Sql, context: WriteContext, user: AuthenticatedUser, action: string, before: AnnotationDto, after?: AnnotationDto) {
  return insertAuditEvent(tx, { projectId: context.projectId, documentId: context.documentId, annotationId: before.id, actorId: user.id, action, before, after });
}

/** Moves a span or changes its attributes / a sentence's labels; `version` must be current. */
export async function updateAnnotation(user: AuthenticatedUser, annotationId: string, input: unknown): Promise<AnnotationDto> {
  return sqlTransaction(async (tx) => {
    const { row: before, context } = await ownAnnotation(tx, user, annotationId);
    const data = parseOrThrow(updateAnnotationSchema, input);
    requireVersion(before, data.version);
    const change: AnnotationChange = { start: before.start, end: before.end, gaps: before.gaps ?? null, attributes: before.attributes, speakerId: before.speaker?.id ?? null };

    if (before.type === SENTENCE_TYPE) {
      if (data.start !== undefined || data.end !== undefined || data.gaps !== undefined || data.attributes) throw new AppError("validation_failed", "Sentence labels have no offsets, gaps or attributes; send `labels`.");
      if (data.labels) change.attributes = (await checkAttributes(tx, context, "sentence", data.labels, before.attributes)).attributes;
    } else {
      if (data.labels) throw new AppError("validation_failed", "Spans have attributes, not labels; send `attributes`.");
      change.start = data.start ?? before.start!;
      change.end = data.end ?? before.end!;
      checkOffsets(context, change.start, change.end);
      // Kept gaps must still fit a moved span; sent ones replace them (null or [] = contiguous).
      if (data.gaps !== undefined) change.gaps = data.gaps && data.gaps.length > 0 ? data.gaps : null;
      checkSpanGaps(change.start, change.end, change.gaps);
      if (data.attributes) {
        const previous = { ...before.attributes, ...(before.speaker ? { speaker: { id: before.speaker.id } } : {}) };
        const checked = await checkAttributes(tx, context, { span: before.type, previousType: before.type }, data.attributes, previous);
        change.attributes = checked.attributes;
        if (checked.speakerId !== undefined) change.speakerId = checked.speakerId;
      }
    }
    // The version in the WHERE makes the check and the write one atomic step.
    const after = await updateAnnotationRow(tx, annotationId, before.version, change);
    if (!after) throw new AppError("stale_version", "Someone changed this annotation at the same moment; reload it.");
    await audit(tx, context, user, "annotation.update", before, after);
    return after;
  });
}

export async function deleteAnnotation(user: AuthenticatedUser, annotationId: string, input: unknown): Promise<void> {
  await sqlTransaction(async (tx) => {
    const { row, context } = await ownAnnotation(tx, user, annotationId);
    const { version } = parseOrThrow(deleteAnnotationSchema, input);
    requireVersion(row, version);
    // Its relations go with it, each audited (the foreign keys alone would drop them unrecorded).
    await deleteRelationsOf(tx, { projectId: context.projectId, actorId: user.id }, [annotationId]);
    if (!(await deleteAnnotationRow(tx, annotationId, row.version))) throw new AppError("stale_version", "Someone changed this annotation at the same moment; reload it.");
    await audit(tx, context, user, "annotation.delete", row);
  });
}
