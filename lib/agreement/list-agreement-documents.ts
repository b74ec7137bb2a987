import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";

export type AgreementDocumentOption = { id: string; title: string; annotators: number };

/** Documents with annotator work, and how many annotators each has, for the agreement page's filter. */
export async function listAgreementDocuments(user: AuthenticatedUser, projectId: string, limit = 500): Promise<AgreementDocumentOption[]> {
  await requireProjectPermission(user, projectId, "agreement.view");
  const rows = await prisma().$queryRaw<{ id: string; title: string; annotators: bigint }[]>`
    SELECT d.id, d.title, COUNT(DISTINCT a.author_id) AS annotators
    FROM documents d JOIN annotations a ON a.document_id = d.id AND a.layer = 'ANNOTATOR'
    WHERE d.project_id = ${projectId}
    GROUP BY d.id, d.title, d.created_at
    ORDER BY d.created_at, d.id
    LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, title: r.title, annotators: Number(r.annotators) }));
}
