import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { commentSelect, toCommentDtos, type CommentDto } from "./comment-dto";

/**
 * Resolves (or reopens) a thread. Managers and reviewers may, and so may the thread's author. The
 * update is conditional on the current state, so two people resolving at once get one 409.
 */
export async function setCommentResolved(user: AuthenticatedUser, commentId: string, resolved: boolean): Promise<CommentDto> {
  const comment = await prisma().comment.findUnique({ where: { id: commentId }, select: { documentId: true, authorId: true, parentId: true } });
  if (!comment) throw new AppError("not_found", "Comment not found.");
  let access;
  try {
    access = await requireDocumentPermission(user, comment.documentId, "comments.write");
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", "Comment not found.");
    throw error;
  }
  if (!access.permissions.includes("comments.resolve") && comment.authorId !== user.id) {
    throw new AppError("forbidden", "Only the thread's author, a reviewer or a manager can resolve or reopen it.");
  }
  if (comment.parentId) throw new AppError("validation_failed", "Resolve or reopen the thread's first comment, not a reply.");
  const row = await prisma().$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, resolvedAt: resolved ? null : { not: null } },
      data: resolved ? { resolvedAt: new Date(), resolvedById: user.id } : { resolvedAt: null, resolvedById: null },
    });
    if (count !== 1) {
      const current = resolved ? "resolved" : "open";
      throw new AppError("invalid_state", `This thread is already ${current}.`, { details: { current, entity: "comment" } });
    }
    await tx.auditEvent.create({
      data: {
        projectId: access.projectId,
        documentId: comment.documentId,
        actorId: user.id,
        action: resolved ? "comment.resolve" : "comment.reopen",
        before: { id: commentId, resolved: !resolved },
        after: { id: commentId, resolved },
      },
    });
    return tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: commentSelect });
  });
  return (await toCommentDtos([row]))[0]!;
}
