import { annotationConditions, documentConditions, layerConditions, type CorpusFilter } from "@/lib/search/corpus-filter";
import type { SqlParams } from "@/lib/search/sql-params";

// The rows every view aggregates, as SQL: visible annotations (`a`, documents `d`) that pass the
// filters, and their stance elements (one row per annotation × target). Aggregation happens in
// PostgreSQL; only the grouped figures reach Node.

export function annotationsSql(f: CorpusFilter, p: SqlParams, columns: string): string {
  const where = [...documentConditions(f, p), ...layerConditions(f, p), ...annotationConditions(f, p)];
  return `SELECT ${columns} FROM annotations a JOIN documents d ON d.id = a.document_id WHERE ${where.join(" AND ")}`;
}

/** Stance elements; with a target or stance filter, only the elements that match it count. */
export function stanceElementsSql(f: CorpusFilter, p: SqlParams, columns: string): string {
  const elementTests = [`jsonb_typeof(e->'value') = 'number'`];
  if (f.target !== undefined) elementTests.push(`e->>'target' = ${p.add(f.target)}`);
  if (f.stance) elementTests.push(`(e->>'value')::int BETWEEN ${p.add(f.stance.lo)} AND ${p.add(f.stance.hi)}`);
  const base = annotationsSql(f, p, `${columns}, e->>'target' AS target, (e->>'value')::int AS value`);
  return `${base.replace(
    " WHERE ",
    ` CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(a.attributes->'stance') = 'array' THEN a.attributes->'stance' ELSE '[]'::jsonb END) e WHERE `,
  )} AND ${elementTests.join(" AND ")}`;
}
