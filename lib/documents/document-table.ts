import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DOCUMENT_PAGE_SIZE, type DocumentSort, type DocumentTableQuery } from "@/lib/validation/document-table";
import type { DocumentListItem } from "./list-documents";
import { countLabelled, type AnnotationRange, type SentenceRange } from "./labelled-sentences";

const ORDER: Record<DocumentSort, (dir: "asc" | "desc") => Prisma.DocumentOrderByWithRelationInput> = {
  title: (dir) => ({ title: dir }),
  source: (dir) => ({ source: { sort: dir, nulls: "last" } }),
  language: (dir) => ({ language: dir }),
  sentences: (dir) => ({ sentenceCount: dir }),
  imported: (dir) => ({ createdAt: dir }),
  state: (dir) => ({ state: dir }),
};

export type DocumentTableRow = DocumentListItem & {
  /** Content sentences some annotator labelled or covered with a span, of all content sentences. */
  labelled: number;
  contentSentences: number;
};

/**
 * One page of the project's documents for the table: searched (title, source), sorted by any stored
 * column and paged by number, all in the database, so 10,000 documents cost one page's work.
 */
export async function listDocumentTable(
  user: AuthenticatedUser,
  projectId: string,
  query: DocumentTableQuery,
): Promise<{ items: DocumentTableRow[]; total: number; page: number; pages: number }> {
  await requireProjectPermission(user, projectId, "documents.view");
  const where: Prisma.DocumentWhereInput = {
    projectId,
    ...(query.state ? { state: query.state } : {}),
    ...(query.q ? { OR: [{ title: { contains: query.q, mode: "insensitive" } }, { source: { contains: query.q, mode: "insensitive" } }] } : {}),
  };
  const total = await prisma().document.count({ where });
  const pages = Math.max(1, Math.ceil(total / DOCUMENT_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = await prisma().document.findMany({
    where,
    orderBy: [ORDER[query.sort](query.dir), { id: "asc" }],
    skip: (page - 1) * DOCUMENT_PAGE_SIZE,
    take: DOCUMENT_PAGE_SIZE,
    select: { id: true, title: true, language: true, sentenceCount: true, charCount: true, state: true, createdAt: true, source: true },
  });
  const progress = await labelledSentences(rows.map((r) => r.id));
  return {
    items: rows.map((r) => ({ ...r, labelled: progress.get(r.id)?.labelled ?? 0, contentSentences: progress.get(r.id)?.content ?? 0 })),
    total,
    page,
    pages,
  };
}

/** Per document: content sentences with at least one annotator-layer label or overlapping span. */
async function labelledSentences(documentIds: string[]): Promise<Map<string, { labelled: number; content: number }>> {
  if (documentIds.length === 0) return new Map();
  const [sentences, annotations] = await Promise.all([
    prisma().sentence.findMany({ where: { documentId: { in: documentIds }, kind: "CONTENT" }, select: { documentId: true, index: true, start: true, end: true } }),
    prisma().annotation.findMany({ where: { documentId: { in: documentIds }, layer: "ANNOTATOR" }, select: { documentId: true, start: true, end: true, sentenceIndex: true } }),
  ]);
  const byDocument = new Map<string, { sentences: SentenceRange[]; annotations: AnnotationRange[] }>();
  const entry = (id: string) => byDocument.get(id) ?? byDocument.set(id, { sentences: [], annotations: [] }).get(id)!;
  for (const s of sentences) entry(s.documentId).sentences.push(s);
  for (const a of annotations) entry(a.documentId).annotations.push(a);
  return new Map([...byDocument].map(([id, d]) => [id, { labelled: countLabelled(d.sentences, d.annotations), content: d.sentences.length }]));
}
