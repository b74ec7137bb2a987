import type { LabelSchema } from "@/lib/schema/label-schema";

// Relation types of a label schema. Projects made before relations existed have none stored: they
// get the defaults, so every project can link spans without a schema edit.

export type RelationTypeDefinition = { name: string; label: string; retired?: boolean };

export const DEFAULT_RELATION_TYPES: readonly RelationTypeDefinition[] = [
  { name: "embedded-in", label: "Embedded in" },
  { name: "same-claim", label: "Same claim" },
  { name: "responds-to", label: "Responds to" },
];

export function relationTypesOf(schema: Pick<LabelSchema, "relationTypes">): RelationTypeDefinition[] {
  return schema.relationTypes ? [...schema.relationTypes] : DEFAULT_RELATION_TYPES.map((t) => ({ ...t }));
}

/** Types offered for new relations (retired ones stay valid on stored relations). */
export function activeRelationTypes(schema: Pick<LabelSchema, "relationTypes">): RelationTypeDefinition[] {
  return relationTypesOf(schema).filter((t) => !t.retired);
}

/** Relation types that `after` drops outright (retiring is not removing). */
export function removedRelationTypes(before: Pick<LabelSchema, "relationTypes">, after: Pick<LabelSchema, "relationTypes">): string[] {
  const kept = new Set(relationTypesOf(after).map((t) => t.name));
  return relationTypesOf(before)
    .map((t) => t.name)
    .filter((name) => !kept.has(name));
}
