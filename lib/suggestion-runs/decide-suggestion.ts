import "server-only";
import type { SuggestionDto } from "@/lib/validation/suggestions";
import { requireAnnotatorWrite } from "@/lib/annotations/write-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { prismaSql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { suggestionDecisionSchema } from "@/lib/validation/suggestions";
import { speakerResolver } from "./resolve-speakers";
import { countRuleDecision, selectSuggestions } from "./learned-confidence";
import { toSuggestionDto } from "./suggestion-dto";

const STATUS = { accepted: "ACCEPTED", rejected: "REJECTED" } as const;

/**
 * An annotator accepts or rejects a suggestion, under the same rule as writing their layer (an
 * open annotator assignment on a document that is not signed off). Deciding again the same way
 * is a no-op (a retried request); the other way is a 409 with the current state.
 */
export async function decideSuggestion(user: AuthenticatedUser, suggestionId: string, input: unknown): Promise<SuggestionDto> {
  const found = await prisma().suggestion.findUnique({ where: { id: suggestionId }, select: { documentId: true } });
  if (!found) throw new AppError("not_found", "Suggestion not found.");
  return prisma().$transaction(async (tx) => {
    let context: Awaited<ReturnType<typeof requireAnnotatorWrite>>;
    try {
      context = await requireAnnotatorWrite(prismaSql(tx), user, { documentId: found.documentId });
    } catch (error) {
      if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", "Suggestion not found.");
      throw error;
    }
    const status = STATUS[parseOrThrow(suggestionDecisionSchema, input).decision];
    const decidedAt = new Date();
    const { count } = await tx.suggestion.updateMany({ where: { id: suggestionId, status: "PENDING" }, data: { status, decidedById: user.id, decidedAt } });
    const stored = await tx.suggestion.findUnique({ where: { id: suggestionId }, select: { rule: true, status: true, decidedById: true } });
    // A re-run may have replaced the pending suggestion meanwhile.
    if (!stored) throw new AppError("not_found", "Suggestion not found; suggestions were re-run, reload them.");
    // Only a new decision counts towards the rule's learned confidence, before it is read back.
    if (count > 0) await countRuleDecision(tx, context.projectId, stored.rule, status);
    const [row] = await selectSuggestions(tx, context.projectId, { id: suggestionId });
    if (!row) throw new AppError("not_found", "Suggestion not found; suggestions were re-run, reload them.");
    const speakers = await speakerResolver(context.projectId, tx);
    const { text } = await tx.document.findUniqueOrThrow({ where: { id: found.documentId }, select: { text: true } });
    const dto = toSuggestionDto({ ...row, entityId: speakers.resolve(row.entityId, row.speakerName) }, text);
    if (count === 0) {
      if (row.status === status) return dto;
      throw new AppError("conflict", `This suggestion was already ${row.status.toLowerCase()}.`, {
        details: { current: { ...dto, decidedById: stored.decidedById } },
      });
    }
    await tx.auditEvent.create({
      data: {
        projectId: context.projectId,
        documentId: found.documentId,
        actorId: user.id,
        action: "suggestion.decide",
        before: { id: suggestionId, status: "PENDING" },
        after: { id: suggestionId, status, rule: row.rule, suggester: row.suggester, decidedAt: decidedAt.toISOString() },
      },
    });
    return dto;
  });
}
