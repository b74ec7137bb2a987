import "server-only";
import { layerWhere } from "@/lib/annotations/list-annotations";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { annotationLayerQuerySchema } from "@/lib/validation/annotations";
import { parseOrThrow } from "@/lib/validation/parse";
import type { RelationDto } from "@/lib/validation/relations";

const RELATION_SELECT = { id: true, documentId: true, layer: true, authorId: true, type: true, fromId: true, toId: true, origin: true, version: true, updatedAt: true } as const;
type RelationRow = Prisma.AnnotationRelationGetPayload<{ select: typeof RELATION_SELECT }>;

export function toRelationDto(row: RelationRow): RelationDto {
  return { ...row, layer: row.layer === "GOLD" ? "gold" : "annotator", updatedAt: row.updatedAt.toISOString() };
}

/** A layer's relations (same `where` as its annotations: the layer's rules hold for both). */
export async function layerRelations(where: { documentId: string | Prisma.StringFilter; layer?: Prisma.AnnotationRelationWhereInput["layer"]; authorId?: string | Prisma.StringFilter }): Promise<RelationDto[]> {
  const rows = await prisma().annotationRelation.findMany({ where, select: RELATION_SELECT, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toRelationDto);
}

/** One layer's relations, for the API: `mine` (default), `gold`, or `user:{id}` for reviewers and managers. */
export async function listRelations(user: AuthenticatedUser, documentId: string, layerParam: string | null): Promise<{ layer: string; items: RelationDto[] }> {
  const access = await requireDocumentPermission(user, documentId, "documents.view");
  const layer = parseOrThrow(annotationLayerQuerySchema, layerParam ?? undefined);
  const where = layerWhere(user, access, documentId, layer);
  return { layer, items: await layerRelations(where as Parameters<typeof layerRelations>[0]) };
}
