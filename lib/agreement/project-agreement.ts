import "server-only";
import { gapsOf } from "@/lib/spans/span-gaps";
import { requireProjectPermission } from "@/lib/auth/project-access";
import { withSpeakerSet } from "@/lib/speakers/speaker-list";
import { attributesWithHolders } from "@/lib/stance/stance-holder";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { AgreementAccumulator, type AgreementReport } from "./agreement-report";
import type { LayerAnnotation } from "./layer-annotation";
import { spanF1ByType } from "./span-f1-by-type";
import { batchRelationF1 } from "@/lib/relations/relation-agreement";
import { sumRelationF1, type RelationF1 } from "@/lib/relations/relation-matches";

/** Documents per round trip: annotations of one batch are all that is held besides the accumulator. */
const BATCH = 100;

export type ProjectAgreement = Omit<AgreementReport, "annotators"> & {
  projectId: string;
  documentId: string | null;
  /** Documents with annotations from at least two annotators. */
  doubleAnnotatedDocuments: number;
  annotators: { id: string; name: string }[];
  spanF1ByType: ReturnType<typeof spanF1ByType>;
  /** Pairwise relation F1 (type and both ends agree; ends matched as spans). Absent in results cached before relations existed. */
  relationF1?: RelationF1;
};

/**
 * Agreement over the project's annotator layers (or one document's), for a caller allowed to see
 * it. The whole project is what the background AGREEMENT task caches (agreement-task.ts); pages and
 * the API read that cache and compute only single documents live.
 */
export async function getProjectAgreement(
  user: AuthenticatedUser,
  projectId: string,
  options: { documentId?: string | null; /** Documents per query; tests make it small to cross batch boundaries. */ batchSize?: number } = {},
): Promise<ProjectAgreement> {
  await requireProjectPermission(user, projectId, "agreement.view");
  const documentId = options.documentId || null;
  if (documentId) {
    const found = await prisma().document.findFirst({ where: { id: documentId, projectId }, select: { id: true } });
    if (!found) throw new AppError("not_found", "Document not found in this project.");
  }
  return computeAgreement(projectId, { documentId, batchSize: options.batchSize });
}

/** Documents with annotator work: the denominator of the task's progress bar. */
export async function countAgreementDocuments(projectId: string): Promise<number> {
  const [row] = await prisma().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM documents d
    WHERE d.project_id = ${projectId} AND EXISTS (SELECT 1 FROM annotations a WHERE a.document_id = d.id AND a.layer = 'ANNOTATOR')`;
  return Number(row?.n ?? 0);
}

/**
 * Documents are read in id order with a keyset cursor, BATCH at a time, and fed to the
 * accumulator, which keeps only coincidence matrices, contingency tables and span counts between
 * batches. `onBatch` hears the running document count after each batch (the task's progress).
 * No permission check: callers check first.
 */
export async function computeAgreement(
  projectId: string,
  options: { documentId?: string | null; batchSize?: number; onBatch?: (documentsDone: number) => Promise<void> } = {},
): Promise<ProjectAgreement> {
  const batch = Math.max(1, Math.min(options.batchSize ?? BATCH, 1000));
  const documentId = options.documentId || null;
  let documentsDone = 0;
  const accumulator = new AgreementAccumulator();
  let doubleAnnotatedDocuments = 0;
  const relationParts: RelationF1[] = [];
  let cursor: string | null = null;
  for (;;) {
    // EXISTS per document on annotations(document_id, layer, …): Prisma's `some` filter becomes an
    // IN over every annotator annotation, a full scan per batch on a large project.
    const documents: { id: string; annotators: string[] }[] = await prisma().$queryRaw<{ id: string; annotators: string[] }[]>`
      SELECT d.id, ARRAY(SELECT s.user_id FROM assignments s WHERE s.document_id = d.id AND s.role = 'ANNOTATOR') AS annotators
      FROM documents d
      WHERE d.project_id = ${projectId}
        AND (${documentId}::text IS NULL OR d.id = ${documentId})
        AND (${cursor}::text IS NULL OR d.id > ${cursor})
        AND EXISTS (SELECT 1 FROM annotations a WHERE a.document_id = d.id AND a.layer = 'ANNOTATOR')
      ORDER BY d.id
      LIMIT ${batch}`;
    if (documents.length === 0) break;
    const rows = await prisma().annotation.findMany({
      where: { documentId: { in: documents.map((d) => d.id) }, layer: "ANNOTATOR" },
      select: { id: true, documentId: true, authorId: true, type: true, start: true, end: true, gaps: true, sentenceIndex: true, attributes: true, speakerId: true },
    });
    const byDocument = new Map<string, LayerAnnotation[]>();
    for (const row of rows) {
      const attributes = (row.attributes ?? {}) as Record<string, unknown>;
      const annotation: LayerAnnotation = {
        id: row.id, documentId: row.documentId, annotatorId: row.authorId, type: row.type, start: row.start, end: row.end, gaps: gapsOf(row.gaps),
        sentenceIndex: row.sentenceIndex,
        attributes: attributesWithHolders(withSpeakerSet(attributes, row.speakerId), row.type),
      };
      const list = byDocument.get(row.documentId);
      if (list) list.push(annotation);
      else byDocument.set(row.documentId, [annotation]);
    }
    for (const document of documents) {
      const annotations = byDocument.get(document.id) ?? [];
      if (new Set(annotations.map((a) => a.annotatorId)).size >= 2) doubleAnnotatedDocuments += 1;
      accumulator.addDocument(annotations, { annotators: document.annotators });
    }
    relationParts.push(await batchRelationF1(documents, byDocument));
    cursor = documents[documents.length - 1]!.id;
    documentsDone += documents.length;
    await options.onBatch?.(documentsDone);
    if (documents.length < batch) break;
  }

  const report = accumulator.result();
  const users = await prisma().user.findMany({ where: { id: { in: report.annotators } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    ...report,
    projectId,
    documentId,
    doubleAnnotatedDocuments,
    annotators: report.annotators.map((id) => ({ id, name: names.get(id) ?? "Unknown user" })),
    spanF1ByType: spanF1ByType(report.spans),
    relationF1: sumRelationF1(relationParts),
  };
}
