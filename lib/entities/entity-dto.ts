import type { EntityType } from "@/lib/generated/prisma/client";
import type { entityDtoSchema, entityTypeSchema } from "@/lib/validation/entities";
import type { z } from "@/lib/validation/zod";

export type EntityTypeName = z.infer<typeof entityTypeSchema>;

export const entityTypeName = (type: EntityType): EntityTypeName => type.toLowerCase() as EntityTypeName;
export const entityTypeEnum = (type: EntityTypeName): EntityType => type.toUpperCase() as EntityType;

/** A speaker entity as the API sends it: its response schema's type. */
export type EntityDto = z.infer<typeof entityDtoSchema>;

export function toEntityDto(row: { id: string; name: string; aliases: string[]; type: EntityType; _count?: { annotations: number } }): EntityDto {
  return {
    id: row.id,
    name: row.name,
    aliases: row.aliases,
    type: entityTypeName(row.type),
    ...(row._count ? { annotationCount: row._count.annotations } : {}),
  };
}
