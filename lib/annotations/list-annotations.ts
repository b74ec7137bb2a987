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
 * Which rows make up a layer: `mine` (the caller's annotator layer), `gold`, or `user:{id}` —
 * another annotator's layer, which only reviewers and managers may read (annotators never see
 * each other's work, so their judgements stay independent).
 */
export function layerWhere(user: AuthenticatedUser, access: { permissions: readonly string[] }, documentId: string, layer: string): Prisma.AnnotationWhereInput {
  if (layer === "mine") return { documentId, layer: "ANNOTATOR", authorId: user.id };
  if (layer === "gold") return { documentId, layer: "GOLD" };
  const authorId = layer.slice("user:".length);
  if (authorId !== user.id && !access.permissions.includes("review.act") && !access.permissions.includes("assignments.manage")) {
    throw new AppError("forbidden", "Only reviewers and managers can read another annotator's layer.");
  }
  return { documentId, layer: "ANNOTATOR", authorId };
}

/** A layer's rows in text order; `text` given, each span carries its covered text. */
export async function layerRows(where: Prisma.AnnotationWhereInput, text?: string): Promise<AnnotationDto[]> {
  const rows = await prisma().annotation.findMany({ where, select: ANNOTATION_SELECT, orderBy: [{ start: "asc" }, { sentenceIndex: "asc" }, { id: "asc" }] });
  return rows.map((row) => toAnnotationDto(row, text));
}

/** One layer of a document, for the API: spans carry their covered text. */
export async function listAnnotations(user: AuthenticatedUser, documentId: string, layerParam: string | null): Promise<{ layer: string; items: AnnotationDto[] }> {
  const access = await requireDocumentPermission(user, documentId, "documents.view");
  const layer = parseOrThrow(annotationLayerQuerySchema, layerParam ?? undefined);
  const where = layerWhere(user, access, documentId, layer);
  const document = await prisma().document.findUniqueOrThrow({ where: { id: documentId }, select: { text: true } });
  return { layer, items: await layerRows(where, document.text) };
}
