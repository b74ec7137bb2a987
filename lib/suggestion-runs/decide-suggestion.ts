import "server-only";
import type { SuggestionDto } from "@/components/annotator/types";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { suggestionDecisionSchema } from "@/lib/validation/suggestions";
import { SUGGESTION_SELECT, toSuggestionDto } from "./suggestion-dto";

const STATUS = { accepted: "ACCEPTED", rejected: "REJECTED" } as const;

/** The annotator write rule: an open ANNOTATOR assignment on a document that is not signed off. */
async function requireOpenAssignment(user: AuthenticatedUser, documentId: string): Promise<void> {
  const document = await prisma().document.findUniqueOrThrow({
    where: { id: documentId },
    select: { state: true, assignments: { where: { userId: user.id, role: "ANNOTATOR" }, select: { state: true } } },
  });
  const assignment = document.assignments[0];
  if (!assignment) throw new AppError("forbidden", "You are not assigned to annotate this document.");
  if (document.state === "SIGNED_OFF") throw new AppError("invalid_state", "The document is signed off; its suggestions can no longer be decided.");
  if (assignment.state === "SUBMITTED") throw new AppError("invalid_state", "You submitted this document; it is read-only until a reviewer returns it.");
}

/**
 * An annotator accepts or rejects a suggestion. Deciding again the same way is a no-op (a retried
 * request); the other way is a 409 with the current state.
 */
export async function decideSuggestion(user: AuthenticatedUser, suggestionId: string, input: unknown): Promise<SuggestionDto> {
  const found = await prisma().suggestion.findUnique({ where: { id: suggestionId }, select: { documentId: true } });
  if (!found) throw new AppError("not_found", "Suggestion not found.");
  let projectId: string;
  try {
    ({ projectId } = await requireDocumentPermission(user, found.documentId, "annotations.write"));
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", "Suggestion not found.");
    throw error;
  }
  await requireOpenAssignment(user, found.documentId);
  const status = STATUS[parseOrThrow(suggestionDecisionSchema, input).decision];

  return prisma().$transaction(async (tx) => {
    const decidedAt = new Date();
    const { count } = await tx.suggestion.updateMany({ where: { id: suggestionId, status: "PENDING" }, data: { status, decidedById: user.id, decidedAt } });
    const row = await tx.suggestion.findUnique({ where: { id: suggestionId }, select: { ...SUGGESTION_SELECT, documentId: true, decidedById: true } });
    // A re-run may have replaced the pending suggestion meanwhile.
    if (!row) throw new AppError("not_found", "Suggestion not found; suggestions were re-run, reload them.");
    const document = await tx.document.findUniqueOrThrow({ where: { id: row.documentId }, select: { text: true } });
    const dto = toSuggestionDto(row, document.text);
    if (count === 0) {
      if (row.status === status) return dto;
      throw new AppError("conflict", `This suggestion was already ${row.status.toLowerCase()}.`, {
        details: { current: { ...dto, decidedById: row.decidedById } },
      });
    }
    await tx.auditEvent.create({
      data: {
        projectId,
        documentId: row.documentId,
        actorId: user.id,
        action: "suggestion.decide",
        before: { id: suggestionId, status: "PENDING" },
        after: { id: suggestionId, status, rule: row.rule, suggester: row.suggester, decidedAt: decidedAt.toISOString() },
      },
    });
    return dto;
  });
}
