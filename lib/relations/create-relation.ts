import "server-only";
import crypto from "node:crypto";
import { requireAnnotatorWrite } from "@/lib/annotations/write-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { sqlTransaction } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { createRelationSchema, type RelationDto } from "@/lib/validation/relations";
import { parseOrThrow } from "@/lib/validation/parse";
import { checkRelation } from "./check-relation";
import { auditRelation, findSameLink, insertRelation, readRelation } from "./relation-rows";

/**
 * Links two spans of the caller's own layer. The client picks the id, so a retried request
 * returns the relation it already created (`created: false`). Every query runs on the
 * transaction's connection.
 */
export async function createRelation(user: AuthenticatedUser, documentId: string, input: unknown): Promise<{ relation: RelationDto; created: boolean }> {
  return sqlTransaction(async (tx) => {
    const context = await requireAnnotatorWrite(tx, user, { documentId });
    const data = parseOrThrow(createRelationSchema, input);
    const id = data.id ?? crypto.randomUUID();
    await checkRelation(tx, context, user, data);
    const relation = await insertRelation(tx, { id, documentId, layer: "annotator", authorId: user.id, type: data.type, fromId: data.fromId, toId: data.toId, origin: "manual" });
    if (!relation) {
      const existing = await readRelation(tx, id);
      const same = (r: RelationDto | null) => r && r.fromId === data.fromId && r.toId === data.toId && r.type === data.type;
      if (existing && same(existing) && existing.authorId === user.id) return { relation: existing, created: false };
      if (existing) throw new AppError("conflict", "This relation id is already used by another relation.");
      const duplicate = await findSameLink(tx, data.fromId, data.toId, data.type);
      throw new AppError("conflict", `These spans are already linked as ${data.type}.`, { details: { current: duplicate } });
    }
    await auditRelation(tx, { projectId: context.projectId, actorId: user.id }, "annotation.relation.create", null, relation);
    return { relation, created: true };
  });
}
