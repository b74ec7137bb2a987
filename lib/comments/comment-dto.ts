import "server-only";
import { prisma } from "@/lib/db/prisma";

export type PersonRef = { id: string; name: string; email: string };

export type CommentDto = {
  id: string;
  documentId: string;
  annotationId: string | null;
  sentenceIndex: number | null;
  parentId: string | null;
  author: PersonRef | null;
  body: string;
  mentions: PersonRef[];
  resolvedAt: Date | null;
  resolvedBy: PersonRef | null;
  createdAt: Date;
};

export const commentSelect = {
  id: true, documentId: true, annotationId: true, sentenceIndex: true, parentId: true, authorId: true, body: true,
  mentions: true, resolvedAt: true, resolvedById: true, createdAt: true,
} as const;

type Row = {
  id: string; documentId: string; annotationId: string | null; sentenceIndex: number | null; parentId: string | null;
  authorId: string; body: string; mentions: string[]; resolvedAt: Date | null; resolvedById: string | null; createdAt: Date;
};

/** Resolves author, resolver and mention ids to people in one query. */
export async function toCommentDtos(rows: readonly Row[]): Promise<CommentDto[]> {
  const ids = new Set<string>();
  for (const r of rows) {
    ids.add(r.authorId);
    if (r.resolvedById) ids.add(r.resolvedById);
    for (const m of r.mentions) ids.add(m);
  }
  const people = await prisma().user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true, email: true } });
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((r) => ({
    id: r.id,
    documentId: r.documentId,
    annotationId: r.annotationId,
    sentenceIndex: r.sentenceIndex,
    parentId: r.parentId,
    author: byId.get(r.authorId) ?? null,
    body: r.body,
    mentions: r.mentions.map((m) => byId.get(m)).filter((p): p is PersonRef => Boolean(p)),
    resolvedAt: r.resolvedAt,
    resolvedBy: r.resolvedById ? (byId.get(r.resolvedById) ?? null) : null,
    createdAt: r.createdAt,
  }));
}
