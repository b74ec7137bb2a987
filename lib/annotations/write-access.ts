import "server-only";
import { can, type ProjectRoleName } from "@/lib/auth/permissions";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import type { Sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import type { LabelSchema } from "@/lib/schema/label-schema";
import { labelSchemaOf } from "@/lib/schema/label-schema-of";
import { assignmentSnapshot } from "@/lib/workflow/assignment-dto";
import { insertAuditEvent } from "./annotation-rows";

export type WriteContext = {
  projectId: string;
  documentId: string;
  assignmentId: string;
  schema: LabelSchema;
  /** Code-point length of the document text: all that offset checks need (the text itself is never loaded). */
  textLength: number;
};

type ContextRow = {
  document_id: string;
  project_id: string;
  document_state: string;
  char_count: number;
  schema_version: number;
  /** null when this process already holds this schema version (see schemaCache). */
  label_schema: unknown;
  roles: ProjectRoleName[] | null;
  assignment_id: string | null;
  assignment_state: string | null;
};

// Label schemas by "projectId:schemaVersion": a save sends the schema over the wire only when this
// process has not seen that version yet. Every schema edit bumps the version, so nothing goes stale.
const schemaCache = new Map<string, LabelSchema>();
const SCHEMA_CACHE_LIMIT = 200;

function remember(key: string, schema: LabelSchema) {
  if (schemaCache.size >= SCHEMA_CACHE_LIMIT) schemaCache.delete(schemaCache.keys().next().value!);
  schemaCache.set(key, schema);
}

/**
 * Everything a save needs to know in one statement, on the transaction's own connection: the
 * document's project, state and length, the caller's roles, the label schema (unless cached) and
 * the caller's annotator assignment, locked FOR UPDATE so a concurrent submit cannot slip between
 * this check and the write. `$1` is the document id, or the annotation id when `byAnnotation`.
 */
async function loadContext(tx: Sql, userId: string, targetId: string, byAnnotation: boolean): Promise<ContextRow | undefined> {
  const target = byAnnotation ? "(SELECT document_id FROM annotations WHERE id = $1)" : "$1::text";
  const rows = await tx.query<ContextRow>(
    `WITH target AS (SELECT ${target} AS id),
    locked AS (
      SELECT a.id, a.state::text AS state FROM assignments a, target
      WHERE a.document_id = target.id AND a.user_id = $2 AND a.role = 'ANNOTATOR' FOR UPDATE OF a)
    SELECT d.id AS document_id, d.project_id, d.state::text AS document_state, d.char_count, p.schema_version,
      CASE WHEN (p.id || ':' || p.schema_version) = ANY(string_to_array($3, ',')) THEN NULL ELSE p.label_schema END AS label_schema,
      m.roles::text[] AS roles, l.id AS assignment_id, l.state AS assignment_state
    FROM target JOIN documents d ON d.id = target.id
    JOIN projects p ON p.id = d.project_id
    LEFT JOIN memberships m ON m.project_id = d.project_id AND m.user_id = $2
    LEFT JOIN locked l ON true`,
    [targetId, userId, [...schemaCache.keys()].join(",")],
  );
  return rows[0];
}

/** ASSIGNED → IN_PROGRESS on the first write, audited as assignment.start (as lib/workflow/start-assignment does). */
async function startAssignment(tx: Sql, input: { assignmentId: string; projectId: string; documentId: string; actorId: string }): Promise<void> {
  const [row] = await tx.query<{ id: string; userId: string; role: string; version: number }>(
    `UPDATE assignments SET state = 'IN_PROGRESS', version = version + 1, updated_at = (now() AT TIME ZONE 'UTC')
     WHERE id = $1 AND state = 'ASSIGNED' RETURNING id, user_id AS "userId", role::text AS role, version`,
    [input.assignmentId],
  );
  if (!row) return;
  const snapshot = (state: "ASSIGNED" | "IN_PROGRESS", version: number) => assignmentSnapshot({ ...row, role: row.role as never, state, version });
  await insertAuditEvent(tx, {
    projectId: input.projectId,
    documentId: input.documentId,
    actorId: input.actorId,
    action: "assignment.start",
    before: snapshot("ASSIGNED", row.version - 1),
    after: snapshot("IN_PROGRESS", row.version),
  });
}

/**
 * The rule for writing an annotator layer: the caller holds the annotator role, an annotator
 * assignment on this document that is not submitted, and the document is not signed off.
 * Runs inside the write transaction (every query on `tx`, never on the shared pool). The first
 * write starts the assignment. `target` is the document, or the annotation whose document it is.
 */
export async function requireAnnotatorWrite(
  tx: Sql,
  user: AuthenticatedUser,
  target: { documentId: string } | { annotationId: string },
): Promise<WriteContext> {
  const byAnnotation = "annotationId" in target;
  const row = await loadContext(tx, user.id, byAnnotation ? target.annotationId : target.documentId, byAnnotation);
  if (!row) throw new AppError("not_found", byAnnotation ? "Annotation not found." : "Document not found.");
  // Membership and role first: a non-member learns nothing about the document or annotation.
  const roles = row.roles ?? [];
  if (roles.length === 0 && !user.isAdmin) throw new AppError("not_found", byAnnotation ? "Annotation not found." : "Document not found.");
  if (!can(roles, "annotations.write", { isAdmin: user.isAdmin })) {
    throw new AppError("forbidden", `Your role in this project (${roles.join(", ") || "none"}) does not allow this.`);
  }
  if (row.document_state === "SIGNED_OFF") {
    throw new AppError("invalid_state", "This document is signed off; its annotations are read-only until a manager reopens it.", { details: { state: row.document_state } });
  }
  if (!row.assignment_id) throw new AppError("forbidden", "This document is not assigned to you for annotation.");
  if (row.assignment_state === "SUBMITTED") {
    throw new AppError("invalid_state", "You submitted this document; your layer is read-only until a reviewer returns it.", { details: { state: row.assignment_state } });
  }
  if (row.assignment_state === "ASSIGNED") {
    // Audited as assignment.start, like every other workflow transition.
    await startAssignment(tx, { assignmentId: row.assignment_id, projectId: row.project_id, documentId: row.document_id, actorId: user.id });
  }
  const key = `${row.project_id}:${row.schema_version}`;
  // The stored JSON is checked once per schema version (then served parsed from the cache), so a
  // damaged row is a clear error while saves stay cheap.
  let schema: LabelSchema;
  if (row.label_schema !== null) {
    schema = labelSchemaOf(row.label_schema);
    remember(key, schema);
  } else {
    // Evicted between building the query and reading its answer: read it once more.
    schema = schemaCache.get(key) ?? labelSchemaOf((await tx.query<{ label_schema: unknown }>(`SELECT label_schema FROM projects WHERE id = $1`, [row.project_id]))[0]!.label_schema);
  }
  return { projectId: row.project_id, documentId: row.document_id, assignmentId: row.assignment_id, schema, textLength: row.char_count };
}
