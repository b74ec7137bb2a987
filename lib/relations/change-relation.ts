import "server-only";
import { requireAnnotatorWrite } from "@/lib/annotations/write-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { sqlTransaction, type Sql } from "@/lib/db/sql";
import { AppError, isAppError } from "@/lib/errors";
import { deleteRelationSchema, updateRelationSchema, type RelationDto } from "@/lib/validation/relations";
import { parseOrThrow } from "@/lib/validation/parse";
import { checkRelation } from "./check-relation";
import { auditRelation, deleteRelationRow, readRelation, updateRelationRow } from "./relation-rows";

const notFound = () => new AppError("not_found", "Relation not found.");

/** A relation the caller may change: in their own annotator layer. All on the transaction's connection. */
async function ownRelation(tx: Sql, user: AuthenticatedUser, relationId: string) {
  const row = await readRelation(tx, relationId);
  if (!row) throw notFound();
  // Membership and role first: a non-member learns nothing about the relation.
  const context = await requireAnnotatorWrite(tx, user, { documentId: row.documentId }).catch((error: unknown) => {
    throw isAppError(error) && error.code === "not_found" ? notFound() : error;
  });
  if (row.layer === "gold") throw new AppError("forbidden", "Gold relations are edited on the review page.");
  if (row.authorId !== user.id) throw notFound(); // another annotator's layer stays invisible
  return { row, context };
}

function requireVersion(row: RelationDto, version: number): void {
  if (row.version !== version) {
    throw new AppError("stale_version", `Someone changed this relation since you loaded it (version ${row.version}, yours ${version}).`, { details: { current: row } });
  }
}

/** Changes a relation's type or ends; `version` must be current (409 with the current state otherwise). */
export async function updateRelation(user: AuthenticatedUser, relationId: string, input: unknown): Promise<RelationDto> {
  return sqlTransaction(async (tx) => {
    const { row: before, context } = await ownRelation(tx, user, relationId);
    const data = parseOrThrow(updateRelationSchema, input);
    requireVersion(before, data.version);
    const next = { type: data.type ?? before.type, fromId: data.fromId ?? before.fromId, toId: data.toId ?? before.toId };
    await checkRelation(tx, context, user, next, { previousType: before.type });
    const after = await updateRelationRow(tx, relationId, before.version, next).catch((error: { code?: string }) => {
      if (error.code === "23505") throw new AppError("conflict", `These spans are already linked as ${next.type}.`);
      throw error;
    });
    if (!after) throw new AppError("stale_version", "Someone changed this relation at the same moment; reload it.");
    await auditRelation(tx, { projectId: context.projectId, actorId: user.id }, "annotation.relation.update", before, after);
    return after;
  });
}

export async function deleteRelation(user: AuthenticatedUser, relationId: string, input: unknown): Promise<void> {
  await sqlTransaction(async (tx) => {
    const { row, context } = await ownRelation(tx, user, relationId);
    const { version } = parseOrThrow(deleteRelationSchema, input);
    requireVersion(row, version);
    if (!(await deleteRelationRow(tx, relationId, row.version))) throw new AppError("stale_version", "Someone changed this relation at the same moment; reload it.");
    await auditRelation(tx, { projectId: context.projectId, actorId: user.id }, "annotation.relation.delete", row);
  });
}
