import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { commentSelect, toCommentDtos, type CommentDto } from "./comment-dto";

/** Every comment of a document, oldest first; clients build threads from parentId. */
export async function listComments(user: AuthenticatedUser, documentId: string): Promise<CommentDto[]> {
  await requireDocumentPermission(user, documentId, "documents.view");
  const rows = await prisma().comment.findMany({
    where: { documentId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 2000,
    select: commentSelect,
  });
  return toCommentDtos(rows);
}
