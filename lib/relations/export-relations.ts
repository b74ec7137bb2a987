import type pg from "pg";
import type { ExportRelation, ExportSpan } from "@/lib/export/types";

// Relations for a dataset version: read beside the annotations of a batch of documents, then
// kept only where both ends made it into the export (a span-type filter or a gold-only export
// drops the links of the spans it leaves out).

export type RelationRow = { id: string; document_id: string; layer: "GOLD" | "ANNOTATOR"; author_id: string; type: string; from_id: string; to_id: string };

export async function readRelationRows(pool: pg.Pool, documentIds: string[]): Promise<Map<string, RelationRow[]>> {
  const { rows } = await pool.query<RelationRow>(
    `SELECT id, document_id, layer::text AS layer, author_id, type, from_id, to_id FROM annotation_relations
     WHERE document_id = ANY($1::text[]) ORDER BY document_id, id`,
    [documentIds],
  );
  const out = new Map<string, RelationRow[]>();
  for (const r of rows) {
    const list = out.get(r.document_id);
    if (list) list.push(r);
    else out.set(r.document_id, [r]);
  }
  return out;
}

export function toExportRelations(spans: readonly ExportSpan[], rows: readonly RelationRow[]): ExportRelation[] {
  const layerOf = new Map(spans.map((s) => [s.id, s.layer]));
  const out: ExportRelation[] = [];
  for (const r of rows) {
    const layer = r.layer === "GOLD" ? "gold" : (`annotator:${r.author_id}` as const);
    if (layerOf.get(r.from_id) !== layer || layerOf.get(r.to_id) !== layer) continue;
    out.push({ id: r.id, type: r.type, fromId: r.from_id, toId: r.to_id, layer });
  }
  return out;
}
