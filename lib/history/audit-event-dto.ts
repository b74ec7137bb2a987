import "server-only";
import { prisma } from "@/lib/db/prisma";

export type AuditEventDto = {
  id: string;
  action: string;
  actor: { id: string; name: string; email: string } | null;
  documentId: string | null;
  annotationId: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
};

type Row = { id: bigint; action: string; actorId: string | null; documentId: string | null; annotationId: string | null; before: unknown; after: unknown; createdAt: Date };

/** Attaches actor names (audit rows keep only the id, so a deleted user reads as null). */
export async function toAuditEventDtos(rows: readonly Row[]): Promise<AuditEventDto[]> {
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const actors = await prisma().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
  const byId = new Map(actors.map((a) => [a.id, a]));
  return rows.map((r) => ({
    id: r.id.toString(),
    action: r.action,
    actor: r.actorId ? (byId.get(r.actorId) ?? null) : null,
    documentId: r.documentId,
    annotationId: r.annotationId,
    before: r.before,
    after: r.after,
    createdAt: r.createdAt,
  }));
}

export const auditEventSelect = {
  id: true, action: true, actorId: true, documentId: true, annotationId: true, before: true, after: true, createdAt: true,
} as const;
