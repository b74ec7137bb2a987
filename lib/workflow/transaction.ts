import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { DocumentEvent, DocumentStateName } from "./state-machine";
import { documentTransition } from "./state-machine";

export type Tx = Prisma.TransactionClient;

export type LockedDocument = { id: string; projectId: string; state: DocumentStateName };

/**
 * Locks the document row for the rest of the transaction. Every workflow transition of a document
 * and its assignments takes this lock first, so two people acting at once are serialised and the
 * "all submitted?" check always sees the other's committed submit.
 */
export async function lockDocument(tx: Tx, documentId: string): Promise<LockedDocument> {
  const rows = await tx.$queryRaw<{ id: string; project_id: string; state: DocumentStateName }[]>`
    SELECT id, project_id, state::text AS state FROM documents WHERE id = ${documentId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("not_found", "Document not found.");
  return { id: row.id, projectId: row.project_id, state: row.state };
}

/** Locks several documents in one statement, in id order so overlapping bulk runs cannot deadlock. */
export async function lockDocuments(tx: Tx, documentIds: readonly string[]): Promise<Map<string, LockedDocument>> {
  const rows = await tx.$queryRaw<{ id: string; project_id: string; state: DocumentStateName }[]>`
    SELECT id, project_id, state::text AS state FROM documents WHERE id = ANY(${[...documentIds]}::text[]) ORDER BY id FOR UPDATE`;
  return new Map(rows.map((r) => [r.id, { id: r.id, projectId: r.project_id, state: r.state }]));
}

/** Applies a document event (409 when illegal) and records `document.state` when the state changes. */
export async function applyDocumentEvent(
  tx: Tx,
  document: LockedDocument,
  event: DocumentEvent,
  actorId: string,
  extra: { reason?: string; data?: Prisma.DocumentUpdateInput } = {},
): Promise<DocumentStateName> {
  const next = documentTransition(document.state, event);
  if (next === document.state && !extra.data) return next;
  await tx.document.update({ where: { id: document.id }, data: { ...extra.data, state: next, version: { increment: 1 } } });
  if (next !== document.state) {
    await tx.auditEvent.create({
      data: {
        projectId: document.projectId,
        documentId: document.id,
        actorId,
        action: "document.state",
        before: { state: document.state },
        after: { state: next, event, ...(extra.reason ? { reason: extra.reason } : {}) },
      },
    });
  }
  return next;
}

/** Moves an annotating document to READY_FOR_REVIEW once every annotator assignment is submitted. */
export async function promoteWhenAllSubmitted(tx: Tx, document: LockedDocument, actorId: string): Promise<DocumentStateName> {
  if (document.state !== "ANNOTATING") return document.state;
  const assignments = await tx.assignment.findMany({ where: { documentId: document.id }, select: { role: true, state: true } });
  const annotators = assignments.filter((a) => a.role === "ANNOTATOR");
  if (annotators.length === 0 || annotators.some((a) => a.state !== "SUBMITTED")) return document.state;
  return applyDocumentEvent(tx, document, "allSubmitted", actorId);
}
