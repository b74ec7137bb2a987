import "server-only";
import { suggestionListQuerySchema, type SuggestionDto } from "@/lib/validation/suggestions";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { projectSettingsOf } from "@/lib/projects/settings";
import { CodePointIndex } from "@/lib/text/code-points";
import { parseOrThrow } from "@/lib/validation/parse";
import { speakerResolver } from "./resolve-speakers";
import { selectSuggestions } from "./learned-confidence";
import { toSuggestionDto } from "./suggestion-dto";

/**
 * The document's suggestions (pending and decided) whose learned confidence reaches `minConfidence`
 * (default: the project's threshold), in text order; any project member may read them.
 */
export async function listDocumentSuggestions(
  user: AuthenticatedUser,
  documentId: string,
  query: unknown = {},
): Promise<{ items: SuggestionDto[]; minConfidence: number }> {
  const { projectId } = await requireDocumentPermission(user, documentId, "documents.view");
  const { minConfidence } = parseOrThrow(suggestionListQuerySchema, query);
  const [document, speakers] = await Promise.all([
    prisma().document.findUniqueOrThrow({ where: { id: documentId }, select: { text: true, project: { select: { settings: true } } } }),
    speakerResolver(projectId),
  ]);
  const threshold = minConfidence ?? projectSettingsOf(document.project.settings).suggestionThreshold;
  const rows = await selectSuggestions(prisma(), projectId, { documentId }, threshold);
  const index = new CodePointIndex(document.text);
  return {
    items: rows.map((row) => toSuggestionDto({ ...row, entityId: speakers.resolve(row.entityId, row.speakerName) }, document.text, index)),
    minConfidence: threshold,
  };
}
