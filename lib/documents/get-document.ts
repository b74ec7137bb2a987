import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { CodePointIndex } from "@/lib/text/code-points";

export type SentenceDto = { id: number; index: number; start: number; end: number; text: string; kind: "content" | "boilerplate"; kindOverridden: boolean };

/** A document with its original text and sentences; offsets are code points into `text`. */
export async function getDocument(user: AuthenticatedUser, documentId: string) {
  const access = await requireDocumentPermission(user, documentId, "documents.view");
  const document = await prisma().document.findUniqueOrThrow({
    where: { id: documentId },
    select: {
      id: true, projectId: true, title: true, text: true, textSha256: true, charCount: true, sentenceCount: true,
      language: true, source: true, originalSource: true, author: true, url: true, publishedAt: true, meta: true,
      tags: true, state: true, signedOffAt: true, version: true, createdAt: true,
      sentences: { orderBy: { index: "asc" }, select: { id: true, index: true, start: true, end: true, kind: true, kindOverridden: true } },
    },
  });
  const index = new CodePointIndex(document.text);
  const sentences: SentenceDto[] = document.sentences.map((s) => ({
    id: s.id,
    index: s.index,
    start: s.start,
    end: s.end,
    text: document.text.slice(index.toUtf16(s.start), index.toUtf16(s.end)),
    kind: s.kind === "BOILERPLATE" ? "boilerplate" : "content",
    kindOverridden: s.kindOverridden,
  }));
  return { ...document, offsetUnit: "codepoint" as const, sentences, access };
}
