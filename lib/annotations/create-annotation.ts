import "server-only";
import crypto from "node:crypto";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { createSentenceLabelsSchema, createSpanAnnotationSchema, type CreateSentenceLabels, type CreateSpanAnnotation } from "@/lib/validation/annotations";
import { parseOrThrow } from "@/lib/validation/parse";
import { ANNOTATION_SELECT, SENTENCE_TYPE, toAnnotationDto, type AnnotationDto, auditJson } from "./annotation-dto";
import { checkAttributes, checkOffsets, checkSentenceIndex } from "./check-input";
import { requireAnnotatorWrite } from "./write-access";

/**
 * Creates an annotation in the caller's own layer. The client picks the id, so a retried request
 * returns the annotation it already created (`created: false`) instead of duplicating it.
 */
export async function createAnnotation(user: AuthenticatedUser, documentId: string, input: unknown): Promise<{ annotation: AnnotationDto; created: boolean }> {
  return prisma().$transaction(async (tx) => {
    const context = await requireAnnotatorWrite(tx, user, documentId);
    // Pick the shape by its key so errors name the right fields (a union would only say "invalid").
    const isSentence = typeof input === "object" && input !== null && "sentenceIndex" in input;
    const data: CreateSpanAnnotation | CreateSentenceLabels = isSentence ? parseOrThrow(createSentenceLabelsSchema, input) : parseOrThrow(createSpanAnnotationSchema, input);
    const id = data.id ?? crypto.randomUUID();

    const existing = await tx.annotation.findUnique({ where: { id }, select: ANNOTATION_SELECT });
    if (existing) {
      if (existing.documentId !== documentId || existing.authorId !== user.id || existing.layer !== "ANNOTATOR") {
        throw new AppError("conflict", "This annotation id is already used by another annotation.");
      }
      return { annotation: toAnnotationDto(existing, context.text), created: false };
    }

    let row;
    if ("sentenceIndex" in data) {
      await checkSentenceIndex(tx, context, data.sentenceIndex);
      const labelled = await tx.annotation.findFirst({
        where: { documentId, layer: "ANNOTATOR", authorId: user.id, type: SENTENCE_TYPE, sentenceIndex: data.sentenceIndex },
        select: ANNOTATION_SELECT,
      });
      if (labelled) {
        throw new AppError("conflict", `Sentence ${data.sentenceIndex} already has labels in your layer; update them instead.`, {
          details: { current: toAnnotationDto(labelled, context.text) },
        });
      }
      const { attributes } = await checkAttributes(tx, context, "sentence", data.labels);
      row = await tx.annotation.create({
        data: { id, documentId, layer: "ANNOTATOR", authorId: user.id, assignmentId: context.assignmentId, type: SENTENCE_TYPE, sentenceIndex: data.sentenceIndex, attributes: attributes as object, origin: data.origin ?? "manual" },
        select: ANNOTATION_SELECT,
      });
    } else {
      checkOffsets(context, data.start, data.end);
      const { attributes, speakerId } = await checkAttributes(tx, context, { span: data.type }, data.attributes);
      row = await tx.annotation.create({
        data: {
          id,
          documentId,
          layer: "ANNOTATOR",
          authorId: user.id,
          assignmentId: context.assignmentId,
          type: data.type,
          start: data.start,
          end: data.end,
          attributes: attributes as object,
          speakerId: speakerId ?? null,
          origin: data.origin ?? "manual",
        },
        select: ANNOTATION_SELECT,
      });
    }
    const annotation = toAnnotationDto(row, context.text);
    await tx.auditEvent.create({
      data: { projectId: context.projectId, documentId, annotationId: id, actorId: user.id, action: "annotation.create", after: auditJson(annotation) },
    });
    return { annotation, created: true };
  });
}
