import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { createCommentSchema } from "@/lib/validation/comments";
import { parseOrThrow } from "@/lib/validation/parse";
import { commentSelect, toCommentDtos, type CommentDto } from "./comment-dto";
import { parseMentions } from "./parse-mentions";

const invalid = (field: string, message: string) => new AppError("validation_failed", message, { details: { fields: { [field]: [message] } } });

/**
 * Posts a comment on the document, a sentence or an annotation, or a reply to a thread. Bodies are
 * stored as typed and only ever rendered as text. Replies attach to the thread's first comment.
 */
export async function createComment(user: AuthenticatedUser, documentId: string, input: unknown): Promise<CommentDto> {
  const access = await requireDocumentPermission(user, documentId, "comments.write");
  const data = parseOrThrow(createCommentSchema, input);
  const db = prisma();
  let parentId: string | null = null;
  let annotationId = data.annotationId ?? null;
  let sentenceIndex = data.sentenceIndex ?? null;
  if (data.parentId) {
    const parent = await db.comment.findUnique({ where: { id: data.parentId }, select: { id: true, documentId: true, parentId: true, annotationId: true, sentenceIndex: true } });
    if (!parent || parent.documentId !== documentId) throw invalid("parentId", "The comment being replied to is not on this document.");
    parentId = parent.parentId ?? parent.id;
    // A reply belongs to its thread's anchor.
    annotationId = parent.annotationId;
    sentenceIndex = parent.sentenceIndex;
  } else {
    if (annotationId) {
      const annotation = await db.annotation.findUnique({ where: { id: annotationId }, select: { documentId: true } });
      if (!annotation || annotation.documentId !== documentId) throw invalid("annotationId", "The annotation is not on this document.");
    }
    if (sentenceIndex !== null) {
      const sentence = await db.sentence.findUnique({ where: { documentId_index: { documentId, index: sentenceIndex } }, select: { id: true } });
      if (!sentence) throw invalid("sentenceIndex", `The document has no sentence ${sentenceIndex}.`);
    }
  }
  const members = await db.membership.findMany({ where: { projectId: access.projectId }, select: { user: { select: { id: true, email: true, name: true } } } });
  const mentions = parseMentions(data.body, members.map((m) => m.user));
  const row = await db.$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: { documentId, annotationId, sentenceIndex, parentId, authorId: user.id, body: data.body, mentions },
      select: commentSelect,
    });
    await tx.auditEvent.create({
      data: {
        projectId: access.projectId,
        documentId,
        annotationId,
        actorId: user.id,
        action: "comment.create",
        after: { id: created.id, parentId, annotationId, sentenceIndex, mentions },
      },
    });
    return created;
  });
  return (await toCommentDtos([row]))[0]!;
}
