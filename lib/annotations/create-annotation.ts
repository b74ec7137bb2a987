import "server-only";
import crypto from "node:crypto";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { sqlTransaction, type Sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { createSentenceLabelsSchema, createSpanAnnotationSchema, type CreateSentenceLabels, type CreateSpanAnnotation } from "@/lib/validation/annotations";
import { parseOrThrow } from "@/lib/validation/parse";
import { SENTENCE_TYPE, type AnnotationDto } from "./annotation-dto";
import { insertAnnotation, insertAuditEvent, readAnnotation, type NewAnnotation } from "./annotation-rows";
import { checkAttributes, checkOffsets, checkSentenceIndex } from "./check-input";
import { requireAnnotatorWrite, type WriteContext } from "./write-access";

/** A retried create: the annotation it already made, if it is this caller's in this document. */
async function alreadyCreated(tx: Sql, user: AuthenticatedUser, documentId: string, id: string): Promise<AnnotationDto | null> {
  const existing = await readAnnotation(tx, id);
  if (!existing) return null;
  if (existing.documentId !== documentId || existing.authorId !== user.id || existing.layer !== "annotator") {
    throw new AppError("conflict", "This annotation id is already used by another annotation.");
  }
  return existing;
}

async function sentenceRow(
  tx: Sql,
  user: AuthenticatedUser,
  context: WriteContext,
  data: CreateSentenceLabels,
  id: string,
): Promise<Omit<NewAnnotation, "id"> | { existing: AnnotationDto }> {
  await checkSentenceIndex(tx, context, data.sentenceIndex);
  const [labelled] = await tx.query<{ id: string }>(
    `SELECT id FROM annotations WHERE document_id = $1 AND layer = 'ANNOTATOR' AND author_id = $2 AND type = $3 AND sentence_index = $4 LIMIT 1`,
    [context.documentId, user.id, SENTENCE_TYPE, data.sentenceIndex],
  );
  if (labelled?.id === id) return { existing: (await readAnnotation(tx, id))! }; // a retried create
  if (labelled) {
    const current = await readAnnotation(tx, labelled.id);
    throw new AppError("conflict", `Sentence ${data.sentenceIndex} already has labels in your layer; update them instead.`, {
      details: { current },
    });
  }
  const { attributes } = await checkAttributes(tx, context, "sentence", data.labels);
  const base = { documentId: context.documentId, authorId: user.id, assignmentId: context.assignmentId, origin: data.origin ?? "manual" };
  return { ...base, type: SENTENCE_TYPE, start: null, end: null, gaps: null, sentenceIndex: data.sentenceIndex, attributes, speakerId: null };
}

async function spanRow(tx: Sql, user: AuthenticatedUser, context: WriteContext, data: CreateSpanAnnotation): Promise<Omit<NewAnnotation, "id">> {
  checkOffsets(context, data.start, data.end);
  const { attributes, speakerId } = await checkAttributes(tx, context, { span: data.type }, data.attributes);
  const base = { documentId: context.documentId, authorId: user.id, assignmentId: context.assignmentId, origin: data.origin ?? "manual" };
  return { ...base, type: data.type, start: data.start, end: data.end, gaps: data.gaps ?? null, sentenceIndex: null, attributes, speakerId: speakerId ?? null };
}

/**
 * Creates an annotation in the caller's own layer. The client picks the id, so a retried request
 * returns the annotation it already created (`created: false`) instead of duplicating it.
 * Every query runs on the transaction's connection (see write-access.ts).
 */
export async function createAnnotation(user: AuthenticatedUser, documentId: string, input: unknown): Promise<{ annotation: AnnotationDto; created: boolean }> {
  return sqlTransaction(async (tx) => {
    const context = await requireAnnotatorWrite(tx, user, { documentId });
    // Pick the shape by its key so errors name the right fields (a union would only say "invalid").
    const isSentence = typeof input === "object" && input !== null && "sentenceIndex" in input;
    const data: CreateSpanAnnotation | CreateSentenceLabels = isSentence ? parseOrThrow(createSentenceLabelsSchema, input) : parseOrThrow(createSpanAnnotationSchema, input);
    const id = data.id ?? crypto.randomUUID();

    const row = "sentenceIndex" in data ? await sentenceRow(tx, user, context, data, id) : await spanRow(tx, user, context, data);
    if ("existing" in row) return { annotation: row.existing, created: false };
    // A retry is found by the insert itself (ON CONFLICT DO NOTHING; a concurrent retry of the same
    // id waits for the first to commit), which saves a round trip on every first attempt.
    const annotation = await insertAnnotation(tx, { id, ...row });
    if (!annotation) {
      const existing = await alreadyCreated(tx, user, documentId, id);
      if (existing) return { annotation: existing, created: false };
      throw new AppError("conflict", "This annotation id is already used by another annotation.");
    }
    await insertAuditEvent(tx, { projectId: context.projectId, documentId, annotationId: id, actorId: user.id, action: "annotation.create", after: annotation });
    return { annotation, created: true };
  });
}
