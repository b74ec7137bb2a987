import "server-only";
import type { WriteContext } from "@/lib/annotations/write-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import type { Sql } from "@/lib/db/sql";
import { AppError, type FieldErrors } from "@/lib/errors";
import { relationEndErrors, relationTypeErrors } from "./relation-ends";
import { readEnds } from "./relation-rows";

function throwFieldErrors(errors: FieldErrors): never {
  const [path, messages] = Object.entries(errors)[0]!;
  throw new AppError("validation_failed", `Invalid input — ${path}: ${messages[0]}`, { details: { fields: errors } });
}

/**
 * A relation the caller may write in their layer: a known type, both ends present and in the
 * caller's own annotator layer of this document (another layer's span is "not found", so a blind
 * annotator learns nothing about it). On the transaction's connection.
 */
export async function checkRelation(
  tx: Sql,
  context: WriteContext,
  user: AuthenticatedUser,
  data: { type: string; fromId: string; toId: string },
  options: { previousType?: string } = {},
): Promise<void> {
  const typeErrors = relationTypeErrors(context.schema, data.type, { allowRetired: data.type === options.previousType });
  if (Object.keys(typeErrors).length) throwFieldErrors(typeErrors);
  const ends = await readEnds(tx, [data.fromId, data.toId]);
  for (const field of ["fromId", "toId"] as const) {
    const end = ends.get(data[field]);
    const visible = end && end.documentId === context.documentId && end.layer === "annotator" && end.authorId === user.id;
    if (!visible) throw new AppError("not_found", `${field}: no span ${data[field]} in your layer of this document.`, { details: { fields: { [field]: ["not found in your layer of this document"] } } });
  }
  const endErrors = relationEndErrors(ends.get(data.fromId)!, ends.get(data.toId)!);
  if (Object.keys(endErrors).length) throwFieldErrors(endErrors);
}
