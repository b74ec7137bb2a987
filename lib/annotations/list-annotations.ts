import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { annotationLayerQuerySchema } from "@/lib/validation/annotations";
import { parseOrThrow } from "@/lib/validation/parse";
import { ANNOTATION_SELECT, toAnnotationDto, type AnnotationDto } from "./annotation-dto";

/**
 * One layer of a document: `mine` (the caller's annotator layer), `gold`, or `user:{id}` — another
 * annotator's layer, which only reviewers and managers may read (annotators never see each
 * other's work, so their judgements stay independent).
 */
export async function listAnnotations(user: AuthenticatedUser, documentId: string, layerParam: string | null): Promise<{ layer: string; items: AnnotationDto[] }> {
  const access = await requireDocumentPermission(user, documentId, "documents.view");
  const layer = parseOrThrow(annotationLayerQuerySchema, layerParam ?? undefined);
  let where: Prisma.AnnotationWhereInput;
  if (layer === "mine") where = { documentId, layer: "ANNOTATOR", authorId: user.id };
  else if (layer === "gold") where = { documentId, layer: "GOLD" };
  else {
    const authorId = layer.slice("user:".length);
    if (authorId !== user.id && !access.permissions.includes("review.act") && !access.permissions.includes("assignments.manage")) {
      throw new AppError("forbidden", "Only reviewers and managers can read another annotator's layer.");
    }
    where = { documentId, layer: "ANNOTATOR", authorId };
  }
  const [document, rows] = await Promise.all([
    prisma().document.findUniqueOrThrow({ where: { id: documentId }, select: { text: true } }),
    prisma().annotation.findMany({ where, select: ANNOTATION_SELECT, orderBy: [{ start: "asc" }, { sentenceIndex: "asc" }, { id: "asc" }] }),
  ]);
  return { layer, items: rows.map((row) => toAnnotationDto(row, document.text)) };
}
