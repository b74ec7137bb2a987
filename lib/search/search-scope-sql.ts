import { annotationConditions, documentConditions, hasAnnotationFilter, layerConditions, type CorpusFilter } from "./corpus-filter";
import type { SqlParams } from "./sql-params";
import { literalPosition, textCondition, type TextMatcher } from "./text-matcher";

// FROM … WHERE … of each search scope, shared by the page, the total and the facets, so the
// three always count the same rows.

/** Sentences (`s`, with their text and tsvector; `d` documents) matching the text and filters. */
export function sentenceScopeSql(f: CorpusFilter, m: TextMatcher, p: SqlParams): string {
  const where = [...documentConditions(f, p), textCondition(m, p)];
  if (!f.includeBoilerplate) where.push(`s.kind = 'CONTENT'`);
  if (hasAnnotationFilter(f)) {
    // Annotation filters keep sentences that a visible, matching span overlaps.
    const inner = [...layerConditions(f, p), ...annotationConditions(f, p)];
    where.push(`EXISTS (SELECT 1 FROM annotations a WHERE a.document_id = s.document_id AND a.start < s."end" AND a."end" > s.start AND ${inner.join(" AND ")})`);
  }
  return `FROM sentences s JOIN documents d ON d.id = s.document_id WHERE ${where.join(" AND ")}`;
}

/**
 * Spans (`a`, documents `d`) the caller may see, matching the filters and, with a query, the text:
 * full text — a sentence the span overlaps matches; exact — the literal lies inside the span
 * (its first occurrence in each sentence).
 */
export function annotationScopeSql(f: CorpusFilter, m: TextMatcher | null, p: SqlParams): string {
  const where = [...documentConditions(f, p), "a.start IS NOT NULL", ...layerConditions(f, p), ...annotationConditions(f, p)];
  if (m) {
    // The project's matching sentences are found once through the text index (OFFSET 0 keeps the
    // planner from turning this into a walk over every sentence of every span's document, which it
    // prefers when it overestimates how many spans pass the filters), then joined to the spans.
    const pos = m.kind === "exact" ? `s.start + ${literalPosition(m, p)} - 1` : "NULL::int";
    const matched = `SELECT s.document_id, s.start, s."end", ${pos} AS pos FROM sentences s JOIN documents sd ON sd.id = s.document_id
                     WHERE sd.project_id = ${p.add(f.projectId)} AND ${textCondition(m, p)} OFFSET 0`;
    const inside = m.kind === "exact" ? ` AND ms.pos >= a.start AND ms.pos + ${m.length} <= a."end"` : "";
    where.push(`EXISTS (SELECT 1 FROM (${matched}) ms WHERE ms.document_id = a.document_id AND ms.start < a."end" AND ms."end" > a.start${inside})`);
  }
  return `FROM annotations a JOIN documents d ON d.id = a.document_id WHERE ${where.join(" AND ")}`;
}
