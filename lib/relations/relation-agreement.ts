import "server-only";
import type { LayerAnnotation } from "@/lib/agreement/layer-annotation";
import { prisma } from "@/lib/db/prisma";
import { matchSpans } from "@/lib/review/match-spans";
import { groupOfAnnotation, matchRelations, relationF1, sumRelationF1, type LayerRelation, type RelationF1 } from "./relation-matches";

/** Relation F1 of a batch of documents (annotator layers), to add up over a project. */
export async function batchRelationF1(documents: readonly { id: string; annotators: string[] }[], annotations: ReadonlyMap<string, LayerAnnotation[]>): Promise<RelationF1> {
  const rows = await prisma().annotationRelation.findMany({
    where: { documentId: { in: documents.map((d) => d.id) }, layer: "ANNOTATOR" },
    select: { id: true, documentId: true, authorId: true, type: true, fromId: true, toId: true },
  });
  const byDocument = new Map<string, LayerRelation[]>();
  for (const r of rows) {
    const list = byDocument.get(r.documentId) ?? [];
    list.push({ id: r.id, annotatorId: r.authorId, type: r.type, fromId: r.fromId, toId: r.toId });
    byDocument.set(r.documentId, list);
  }
  const parts: RelationF1[] = [];
  for (const d of documents) {
    const relations = byDocument.get(d.id);
    const inDocument = annotations.get(d.id) ?? [];
    if (!relations) continue;
    const annotators = [...new Set([...d.annotators, ...inDocument.map((a) => a.annotatorId)])];
    parts.push(relationF1(matchRelations(relations, groupOfAnnotation(matchSpans(inDocument, { annotators })), annotators), annotators));
  }
  return sumRelationF1(parts);
}
