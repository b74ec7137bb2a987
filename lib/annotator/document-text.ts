import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import type { DocumentTextDto } from "@/lib/validation/document-text";

/**
 * The document's text and sentence boundaries for any member (others get 404). The annotator
 * page fetches this from an immutable URL, so a document opened again costs no transfer at all.
 */
export async function loadDocumentText(user: AuthenticatedUser, documentId: string): Promise<DocumentTextDto> {
  await requireDocumentPermission(user, documentId, "documents.view");
  // Raw rows, not one object per sentence: a long document has tens of thousands of them.
  const [document, sentences] = await Promise.all([
    prisma().document.findUniqueOrThrow({ where: { id: documentId }, select: { text: true, textSha256: true } }),
    prisma().$queryRaw<{ index: number; start: number; end: number }[]>`
      SELECT index, start, "end" FROM sentences WHERE document_id = ${documentId} ORDER BY index`,
  ]);
  return { sha256: document.textSha256, text: document.text, sentences: sentences.map((s) => [s.index, s.start, s.end]) };
}
