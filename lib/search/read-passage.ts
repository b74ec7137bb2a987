import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { querySql as sql } from "@/lib/search/query-sql";
import { AppError } from "@/lib/errors";

// The read-only reader a search hit opens: the sentences around a match (never the whole of a
// 20,000-sentence document), with the match's code-point offsets so the page can highlight it.

const AROUND = 25;

export type Passage = {
  documentId: string;
  projectId: string;
  title: string;
  charCount: number;
  match: { start: number; end: number } | null;
  sentences: { index: number; start: number; end: number; text: string; boilerplate: boolean }[];
  hasBefore: boolean;
  hasAfter: boolean;
  canAnnotate: boolean;
};

export async function readPassage(user: AuthenticatedUser, documentId: string, at: { start?: number; end?: number }): Promise<Passage> {
  const access = await requireDocumentPermission(user, documentId, "documents.view");
  const [doc] = await sql().query<{ title: string; char_count: number; sentence_count: number; assigned: boolean }>(
    `SELECT title, char_count, sentence_count,
            EXISTS (SELECT 1 FROM assignments WHERE document_id = $1 AND user_id = $2 AND role = 'ANNOTATOR') AS assigned
     FROM documents WHERE id = $1`,
    [documentId, user.id],
  );
  if (!doc) throw new AppError("not_found", "Document not found.");
  const valid = at.start !== undefined && at.end !== undefined && at.start >= 0 && at.start < at.end && at.end <= doc.char_count;
  const match = valid ? { start: at.start!, end: at.end! } : null;
  const [centre] = match
    ? await sql().query<{ index: number }>(`SELECT index FROM sentences WHERE document_id = $1 AND start <= $2 AND "end" > $2 LIMIT 1`, [documentId, match.start])
    : [];
  const from = Math.max(0, (centre?.index ?? 0) - AROUND);
  const to = (centre?.index ?? 0) + AROUND;
  const sentences = await sql().query<{ index: number; start: number; end: number; text: string; kind: string }>(
    `SELECT s.index, s.start, s."end", s.text, s.kind FROM sentences s
     WHERE s.document_id = $1 AND s.index BETWEEN $2 AND $3 ORDER BY s.index`,
    [documentId, from, to],
  );
  return {
    documentId,
    projectId: access.projectId,
    title: doc.title,
    charCount: doc.char_count,
    match,
    sentences: sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, text: s.text, boilerplate: s.kind === "BOILERPLATE" })),
    hasBefore: from > 0,
    hasAfter: to < doc.sentence_count - 1,
    canAnnotate: doc.assigned && access.permissions.includes("annotations.write"),
  };
}
