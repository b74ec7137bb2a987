import "server-only";
import crypto from "node:crypto";
import { inSlices } from "@/lib/db/in-slices";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LabelSchema } from "@/lib/schema/label-schema";
import type { RelationDto } from "@/lib/validation/relations";
import { relationTypesOf } from "./relation-types";

// Relations brought in by an import (native JSONL, Label Studio): their ends are the file's span
// ids, mapped to the annotations the import just created; types must be in the project's schema.

export type ImportedLink = { type: string; fromId: string; toId: string };

/** Why these links cannot be stored in this project, or null. */
export function importedLinkError(schema: Pick<LabelSchema, "relationTypes">, links: ImportedLink[], spanIds: ReadonlySet<string>): string | null {
  const known = new Set(relationTypesOf(schema).map((t) => t.name));
  const unknown = [...new Set(links.map((l) => l.type).filter((t) => !known.has(t)))];
  if (unknown.length > 0) return `Relation types not in the project's schema: ${unknown.join(", ")}. Add them as relation types first.`;
  for (const l of links) {
    if (!spanIds.has(l.fromId) || !spanIds.has(l.toId)) return `A ${l.type} relation links ${!spanIds.has(l.fromId) ? l.fromId : l.toId}, which is not a span of the same layer.`;
    if (l.fromId === l.toId) return `A ${l.type} relation links span ${l.fromId} to itself.`;
  }
  return null;
}

/** Stores the links of one layer with an audit event each, in the import's transaction. */
export async function insertImportedRelations(
  tx: Prisma.TransactionClient,
  ctx: { projectId: string; documentId: string; actorId: string; layer: "GOLD" | "ANNOTATOR"; authorId: string; origin: string },
  links: ImportedLink[],
  newIdOf: ReadonlyMap<string, string>,
): Promise<number> {
  const seen = new Set<string>();
  const now = new Date();
  const rows = links.flatMap((l) => {
    const fromId = newIdOf.get(l.fromId);
    const toId = newIdOf.get(l.toId);
    if (!fromId || !toId) throw new AppError("validation_failed", `A ${l.type} relation links a span that was not imported.`);
    const key = `${fromId}:${toId}:${l.type}`;
    if (seen.has(key)) return []; // the same link twice in a file is one link
    seen.add(key);
    return [{ id: crypto.randomUUID(), documentId: ctx.documentId, layer: ctx.layer, authorId: ctx.authorId, type: l.type, fromId, toId, origin: ctx.origin, createdAt: now, updatedAt: now }];
  });
  if (rows.length === 0) return 0;
  await inSlices(rows, (slice) => tx.annotationRelation.createMany({ data: slice }));
  const dto = (r: (typeof rows)[number]): RelationDto => ({
    id: r.id, documentId: r.documentId, layer: r.layer === "GOLD" ? "gold" : "annotator", authorId: r.authorId, type: r.type,
    fromId: r.fromId, toId: r.toId, origin: r.origin, version: 1, updatedAt: now.toISOString(),
  });
  const events = rows.map((r) => ({ projectId: ctx.projectId, documentId: ctx.documentId, annotationId: r.fromId, actorId: ctx.actorId, action: "annotation.relation.create", after: dto(r) }));
  await inSlices(events, (slice) => tx.auditEvent.createMany({ data: slice }));
  return rows.length;
}
