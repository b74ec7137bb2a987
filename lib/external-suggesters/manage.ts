import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { externalSuggesterInputSchema, MAX_EXTERNAL_SUGGESTERS, type ExternalSuggesterDto } from "@/lib/validation/external-suggesters";
import { urlProblem } from "./url-check";

const SELECT = { id: true, name: true, url: true, token: true, lastError: true, lastErrorAt: true, lastOkAt: true, createdAt: true } as const;
type Row = { id: string; name: string; url: string; token: string | null; lastError: string | null; lastErrorAt: Date | null; lastOkAt: Date | null; createdAt: Date };

function toDto(r: Row): ExternalSuggesterDto {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    hasToken: !!r.token,
    lastError: r.lastError,
    lastErrorAt: r.lastErrorAt?.toISOString() ?? null,
    lastOkAt: r.lastOkAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listExternalSuggesters(user: AuthenticatedUser, projectId: string): Promise<{ items: ExternalSuggesterDto[] }> {
  await requireProjectPermission(user, projectId, "suggestions.manage");
  const rows = await prisma().externalSuggester.findMany({ where: { projectId }, orderBy: { name: "asc" }, select: SELECT });
  return { items: rows.map(toDto) };
}

/** A manager registers a /predict service; its URL must pass the SSRF guard (400 with the reason). */
export async function createExternalSuggester(user: AuthenticatedUser, projectId: string, input: unknown): Promise<ExternalSuggesterDto> {
  await requireProjectPermission(user, projectId, "suggestions.manage");
  const data = parseOrThrow(externalSuggesterInputSchema, input);
  const why = await urlProblem(data.url, env().EXTERNAL_SUGGESTERS_ALLOW_PRIVATE);
  if (why) throw new AppError("validation_failed", `URL refused: ${why}.`, { details: { fields: { url: [`Refused: ${why}`] } } });
  return prisma().$transaction(async (tx) => {
    // Serialises registrations of one project, so the limit and the name check hold.
    await tx.$queryRaw`SELECT id FROM projects WHERE id = ${projectId} FOR UPDATE`;
    if ((await tx.externalSuggester.count({ where: { projectId } })) >= MAX_EXTERNAL_SUGGESTERS)
      throw new AppError("conflict", `A project can have at most ${MAX_EXTERNAL_SUGGESTERS} external suggesters.`);
    if (await tx.externalSuggester.findFirst({ where: { projectId, name: data.name }, select: { id: true } }))
      throw new AppError("conflict", `An external suggester named "${data.name}" already exists.`, { details: { fields: { name: ["This name is taken"] } } });
    const row = await tx.externalSuggester.create({ data: { projectId, name: data.name, url: data.url, token: data.token || null }, select: SELECT });
    await tx.auditEvent.create({ data: { projectId, actorId: user.id, action: "suggester.create", after: { id: row.id, name: row.name, url: row.url } } });
    return toDto(row);
  });
}

export async function deleteExternalSuggester(user: AuthenticatedUser, projectId: string, suggesterId: string): Promise<void> {
  await requireProjectPermission(user, projectId, "suggestions.manage");
  await prisma().$transaction(async (tx) => {
    const row = await tx.externalSuggester.findFirst({ where: { id: suggesterId, projectId }, select: { id: true, name: true, url: true } });
    if (!row) throw new AppError("not_found", "External suggester not found.");
    await tx.externalSuggester.delete({ where: { id: row.id } });
    await tx.auditEvent.create({ data: { projectId, actorId: user.id, action: "suggester.delete", before: row } });
  });
}
