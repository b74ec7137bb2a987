import "server-only";
import { labelSchemaOf } from "@/lib/schema/label-schema-of";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { LabelSchema } from "@/lib/schema/label-schema";
import { relationTypesInUse } from "@/lib/relations/relation-type-usage";
import { describeRemoval, schemaRemovals, type SchemaRemoval } from "@/lib/schema/schema-removals";
import { asLabelSchema, updateLabelSchemaSchema } from "@/lib/validation/label-schema";
import { parseOrThrow } from "@/lib/validation/parse";

type Tx = Prisma.TransactionClient;

/** Annotations (any layer) of the project that a removal would orphan. */
async function usageOf(tx: Tx, projectId: string, r: SchemaRemoval): Promise<number> {
  const scope = (s: string | null) => (s === null ? Prisma.sql`a.sentence_index IS NOT NULL` : Prisma.sql`a.sentence_index IS NULL AND a.type = ${s}`);
  let condition: Prisma.Sql;
  switch (r.kind) {
    case "spanType":
      condition = Prisma.sql`a.sentence_index IS NULL AND a.type = ${r.type}`;
      break;
    case "attribute":
      // Speakers live in their own column as well as in the attributes.
      condition =
        r.attributeKind === "entity"
          ? Prisma.sql`${scope(r.scope)} AND (jsonb_exists(a.attributes, ${r.attribute}) OR a.speaker_id IS NOT NULL)`
          : Prisma.sql`${scope(r.scope)} AND jsonb_exists(a.attributes, ${r.attribute})`;
      break;
    case "value":
      condition = Prisma.sql`${scope(r.scope)} AND a.attributes ->> ${r.attribute} = ${r.value}`;
      break;
    case "stanceTarget":
      // Any stance attribute: an array of {target, value} under any key.
      condition = Prisma.sql`jsonb_path_exists(a.attributes, '$.*[*] ? (@.target == $t)', jsonb_build_object('t', ${r.target}::text))`;
      break;
  }
  const [row] = await tx.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM annotations a JOIN documents d ON d.id = a.document_id
    WHERE d.project_id = ${projectId} AND ${condition}`;
  return row?.count ?? 0;
}

/**
 * A manager replaces the project's label schema. Anything may be added, relabelled, recoloured or
 * retired; removing a type, attribute, value or stance target that annotations use is refused
 * with 409 and the counts (retire it instead), so no stored annotation ever loses its meaning.
 */
export async function updateLabelSchema(user: AuthenticatedUser, projectId: string, input: unknown) {
  await requireProjectPermission(user, projectId, "schema.edit");
  const data = parseOrThrow(updateLabelSchemaSchema, input);
  const next = asLabelSchema(data.labelSchema);
  return prisma().$transaction(async (tx) => {
    // Serialise schema edits of one project so the usage counts hold until the update commits.
    const [current] = await tx.$queryRaw<{ label_schema: LabelSchema; schema_version: number }[]>`
      SELECT label_schema, schema_version FROM projects WHERE id = ${projectId} FOR UPDATE`;
    if (!current) throw new AppError("not_found", "Project not found.");
    if (data.schemaVersion !== undefined && data.schemaVersion !== current.schema_version) {
      throw new AppError("stale_version", "The schema was changed by someone else since you opened it; reload to see their changes.", {
        details: { current: { labelSchema: current.label_schema, schemaVersion: current.schema_version } },
      });
    }
    const inUse: { item: string; removal: SchemaRemoval | { kind: "relationType"; type: string }; count: number }[] = [];
    for (const removal of schemaRemovals(current.label_schema, next)) {
      const count = await usageOf(tx, projectId, removal);
      if (count > 0) inUse.push({ item: describeRemoval(removal), removal, count });
    }
    inUse.push(...(await relationTypesInUse(tx, projectId, current.label_schema, next)));
    if (inUse.length > 0) {
      const unit = (u: (typeof inUse)[number]) => (u.removal.kind === "relationType" ? "relation" : "annotation");
      const list = inUse.map((u) => `${u.item} (${u.count} ${unit(u)}${u.count === 1 ? "" : "s"})`).join("; ");
      throw new AppError("conflict", `Still in use, so it cannot be removed — retire it instead: ${list}.`, { details: { inUse } });
    }
    const updated = await tx.project.update({
      where: { id: projectId },
      data: { labelSchema: next as unknown as Prisma.InputJsonValue, schemaVersion: { increment: 1 } },
      select: { labelSchema: true, schemaVersion: true },
    });
    await tx.auditEvent.create({
      data: {
        projectId,
        actorId: user.id,
        action: "project.label_schema",
        before: current.label_schema as unknown as Prisma.InputJsonValue,
        after: next as unknown as Prisma.InputJsonValue,
      },
    });
    return { labelSchema: labelSchemaOf(updated.labelSchema), schemaVersion: updated.schemaVersion };
  });
}
