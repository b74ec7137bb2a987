import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { sentenceKindSchema, updateDocumentSchema } from "@/lib/validation/documents";
import { parseOrThrow } from "@/lib/validation/parse";

/** Deletes a document unless it holds signed-off work (then 409: unsign it first). */
export async function deleteDocument(user: AuthenticatedUser, documentId: string): Promise<void> {
  const access = await requireDocumentPermission(user, documentId, "documents.delete");
  await prisma().$transaction(async (tx) => {
    const document = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: { state: true, title: true } });
    if (document.state === "SIGNED_OFF") {
      throw new AppError("invalid_state", "This document is signed off; reopen it before deleting it.", { details: { state: document.state } });
    }
    // suggestions has no foreign key to documents, so its rows go explicitly.
    await tx.suggestion.deleteMany({ where: { documentId } });
    await tx.document.delete({ where: { id: documentId } });
    await tx.auditEvent.create({
      data: { projectId: access.projectId, documentId, actorId: user.id, action: "document.delete", before: { title: document.title } },
    });
  });
}

/** Corrects metadata the manager may fix after import: language, title, tags. The text never changes. */
export async function updateDocument(user: AuthenticatedUser, documentId: string, input: unknown) {
  const access = await requireDocumentPermission(user, documentId, "documents.editSegments");
  const data = parseOrThrow(updateDocumentSchema, input);
  return prisma().$transaction(async (tx) => {
    const before = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: { language: true, title: true, tags: true } });
    const after = await tx.document.update({ where: { id: documentId }, data: { ...data, version: { increment: 1 } }, select: { language: true, title: true, tags: true } });
    await tx.auditEvent.create({ data: { projectId: access.projectId, documentId, actorId: user.id, action: "document.update", before, after } });
    return after;
  });
}

/** Flips one segment between content and boilerplate (remembered as a manual override). */
export async function setSentenceKind(user: AuthenticatedUser, documentId: string, sentenceIndex: number, input: unknown) {
  const access = await requireDocumentPermission(user, documentId, "documents.editSegments");
  const { kind } = parseOrThrow(sentenceKindSchema, input);
  if (!Number.isInteger(sentenceIndex) || sentenceIndex < 0) throw new AppError("validation_failed", "The sentence index must be a non-negative integer.");
  return prisma().$transaction(async (tx) => {
    const sentence = await tx.sentence.findUnique({ where: { documentId_index: { documentId, index: sentenceIndex } }, select: { kind: true } });
    if (!sentence) throw new AppError("not_found", `The document has no sentence ${sentenceIndex}.`);
    const next = kind === "boilerplate" ? "BOILERPLATE" : "CONTENT";
    await tx.sentence.update({ where: { documentId_index: { documentId, index: sentenceIndex } }, data: { kind: next, kindOverridden: true } });
    await tx.auditEvent.create({
      data: { projectId: access.projectId, documentId, actorId: user.id, action: "sentence.kind", before: { index: sentenceIndex, kind: sentence.kind }, after: { index: sentenceIndex, kind: next } },
    });
    return { index: sentenceIndex, kind };
  });
}
