import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { auditEventSelect, toAuditEventDtos, type AuditEventDto } from "./audit-event-dto";
import { seesAllAnnotations } from "./blind-annotation-filter";

/**
 * Every recorded change of one annotation, newest first. Works for deleted annotations too (the
 * audit rows outlive them). Another annotator's annotation is 404 for an annotator.
 */
export async function getAnnotationHistory(user: AuthenticatedUser, annotationId: string): Promise<{ annotationId: string; events: AuditEventDto[] }> {
  const live = await prisma().annotation.findUnique({ where: { id: annotationId }, select: { documentId: true, authorId: true, layer: true } });
  const first = live
    ? null
    : await prisma().auditEvent.findFirst({ where: { annotationId }, orderBy: { id: "asc" }, select: { documentId: true, actorId: true, after: true } });
  const documentId = live?.documentId ?? first?.documentId;
  if (!documentId) throw new AppError("not_found", "Annotation not found.");
  let access;
  try {
    access = await requireDocumentPermission(user, documentId, "documents.view");
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", "Annotation not found.");
    throw error;
  }
  const authorId = live?.authorId ?? first?.actorId;
  const layer = live ? live.layer : (first?.after as { layer?: string } | null)?.layer?.toUpperCase();
  if (!seesAllAnnotations(access.permissions) && layer !== "GOLD" && authorId !== user.id) throw new AppError("not_found", "Annotation not found.");
  const rows = await prisma().auditEvent.findMany({ where: { annotationId }, orderBy: { id: "desc" }, take: 500, select: auditEventSelect });
  return { annotationId, events: await toAuditEventDtos(rows) };
}
