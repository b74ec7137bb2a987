import "server-only";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";

/** The caller's own annotator assignments among `documentIds` (document id → state). */
export async function myAnnotatorAssignments(user: AuthenticatedUser, documentIds: string[]): Promise<Map<string, string>> {
  if (documentIds.length === 0) return new Map();
  const rows = await prisma().assignment.findMany({
    where: { userId: user.id, role: "ANNOTATOR", documentId: { in: documentIds } },
    select: { documentId: true, state: true },
  });
  return new Map(rows.map((r) => [r.documentId, r.state]));
}
