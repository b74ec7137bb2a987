import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LabelSchema } from "@/lib/schema/label-schema";
import { removedRelationTypes } from "./relation-types";

/** Relation types that `next` removes while relations of the project (any layer) still use them. */
export async function relationTypesInUse(
  tx: Prisma.TransactionClient,
  projectId: string,
  current: LabelSchema,
  next: LabelSchema,
): Promise<{ item: string; removal: { kind: "relationType"; type: string }; count: number }[]> {
  const removed = removedRelationTypes(current, next);
  if (removed.length === 0) return [];
  const rows = await tx.$queryRaw<{ type: string; count: number }[]>`
    SELECT r.type, count(*)::int AS count FROM annotation_relations r JOIN documents d ON d.id = r.document_id
    WHERE d.project_id = ${projectId} AND r.type = ANY(${removed}::text[]) GROUP BY r.type ORDER BY r.type`;
  return rows.map((r) => ({ item: `relation type ${r.type}`, removal: { kind: "relationType", type: r.type }, count: r.count }));
}
