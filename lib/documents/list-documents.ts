import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { ID_PATTERN } from "@/lib/validation/ids";
import type { DocumentState } from "@/lib/generated/prisma/enums";

export type DocumentListItem = {
  id: string;
  title: string;
  language: string;
  sentenceCount: number;
  charCount: number;
  state: DocumentState;
  createdAt: Date;
  source: string | null;
};

/** Keyset pagination by (created_at, id): stable while documents are being imported. */
export async function listDocuments(
  user: AuthenticatedUser,
  projectId: string,
  options: { cursor?: string | null; limit?: number; state?: DocumentState | null } = {},
): Promise<{ items: DocumentListItem[]; nextCursor: string | null }> {
  await requireProjectPermission(user, projectId, "documents.view");
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const after = decodeCursor(options.cursor);
  const rows = await prisma().document.findMany({
    where: {
      projectId,
      ...(options.state ? { state: options.state } : {}),
      ...(after
        ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: { id: true, title: true, language: true, sentenceCount: true, charCount: true, state: true, createdAt: true, source: true },
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string | null | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  try {
    const [iso, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const createdAt = new Date(iso);
    if (Number.isNaN(createdAt.getTime()) || typeof id !== "string" || !ID_PATTERN.test(id)) throw new Error("bad cursor");
    return { createdAt, id };
  } catch {
    throw new AppError("validation_failed", "The cursor is not valid; use the nextCursor value from a previous page.");
  }
}
