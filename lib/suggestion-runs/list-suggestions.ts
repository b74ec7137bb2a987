import "server-only";
import type { SuggestionDto } from "@/lib/validation/suggestions";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { CodePointIndex } from "@/lib/text/code-points";
import { speakerResolver } from "./resolve-speakers";
import { SUGGESTION_SELECT, toSuggestionDto } from "./suggestion-dto";

/** Every suggestion of a document (pending and decided), in text order; any project member may read them. */
export async function listDocumentSuggestions(user: AuthenticatedUser, documentId: string): Promise<{ items: SuggestionDto[] }> {
  const { projectId } = await requireDocumentPermission(user, documentId, "documents.view");
  const [document, rows, speakers] = await Promise.all([
    prisma().document.findUniqueOrThrow({ where: { id: documentId }, select: { text: true } }),
    prisma().suggestion.findMany({ where: { documentId }, orderBy: [{ start: "asc" }, { end: "asc" }, { id: "asc" }], select: SUGGESTION_SELECT }),
    speakerResolver(projectId),
  ]);
  const index = new CodePointIndex(document.text);
  return { items: rows.map((row) => toSuggestionDto({ ...row, entityId: speakers.resolve(row.entityId, row.speakerName) }, document.text, index)) };
}
