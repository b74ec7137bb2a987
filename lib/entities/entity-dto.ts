import type { EntityType } from "@/lib/generated/prisma/client";

export type EntityTypeName = "person" | "organisation" | "outlet" | "document" | "state";

export const entityTypeName = (type: EntityType): EntityTypeName => type.toLowerCase() as EntityTypeName;
export const entityTypeEnum = (type: EntityTypeName): EntityType => type.toUpperCase() as EntityType;

export type EntityDto = { id: string; name: string; aliases: string[]; type: EntityTypeName; annotationCount?: number };

export function toEntityDto(row: { id: string; name: string; aliases: string[]; type: EntityType; _count?: { annotations: number } }): EntityDto {
  return {
    id: row.id,
    name: row.name,
    aliases: row.aliases,
    type: entityTypeName(row.type),
    ...(row._count ? { annotationCount: row._count.annotations } : {}),
  };
}
