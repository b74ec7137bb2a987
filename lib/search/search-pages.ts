import "server-only";
import { querySql as sql } from "@/lib/search/query-sql";
import type { SearchHit } from "@/lib/validation/search";
import type { CorpusFilter } from "./corpus-filter";
import type { CursorKey } from "./search-cursor";
import { annotationScopeSql, sentenceScopeSql } from "./search-scope-sql";
import { firstHighlight, MARK_END, MARK_START, snippetOf } from "./snippet";
import { SqlParams } from "./sql-params";
import { literalPosition, rowConfig, rowQuery, type TextMatcher } from "./text-matcher";

// One page of hits per scope, in keyset order (document, position). Only the page's rows leave
// PostgreSQL; offsets are code points into the document text.

type Page = { hits: SearchHit[]; last: CursorKey | null; more: boolean };
type DocumentColumns = { document_id: string; title: string; source: string | null; published_at: Date | null };

function documentPart(row: DocumentColumns) {
  return { documentId: row.document_id, title: row.title, source: row.source, publishedAt: row.published_at ? row.published_at.toISOString() : null };
}

export async function sentencePage(f: CorpusFilter, m: TextMatcher, after: CursorKey | null, limit: number): Promise<Page> {
  const p = new SqlParams();
  const scope = sentenceScopeSql(f, m, p);
  const locate =
    m.kind === "exact"
      ? `${literalPosition(m, p)} AS position, NULL AS marked`
      : `NULL::int AS position, ts_headline(${rowConfig()}, s.text, ${rowQuery(m, p)}, 'HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_END}') AS marked`;
  const keyset = after ? `AND (s.document_id, s.index) > (${p.add(after[0])}, ${p.add(after[1])})` : "";
  const rows = await sql().query<DocumentColumns & { index: number; start: number; end: number; content: string; position: number | null; marked: string | null }>(
    `SELECT s.document_id, s.index, s.start, s."end", s.text AS content, d.title, d.source, d.published_at, ${locate}
     ${scope} ${keyset} ORDER BY s.document_id, s.index LIMIT ${p.add(limit + 1)}`,
    p.values,
  );
  const hits = rows.slice(0, limit).map((row): SearchHit => {
    // Where in the sentence: the literal's first occurrence, or the first highlighted run; the
    // whole sentence if ts_headline found no word to mark (e.g. a match through a stemmed form only it cannot mark).
    const length = [...row.content].length;
    let at: { start: number; end: number } = { start: 0, end: length };
    if (m.kind === "exact" && row.position) at = { start: row.position - 1, end: row.position - 1 + m.length };
    if (m.kind === "fulltext" && row.marked) at = firstHighlight(row.marked, row.content) ?? at;
    return { ...documentPart(row), sentenceIndex: row.index, start: row.start + at.start, end: row.start + at.end, snippet: snippetOf(row.content, at.start, at.end) };
  });
  const lastRow = rows[Math.min(rows.length, limit) - 1];
  return { hits, last: lastRow ? [lastRow.document_id, lastRow.index, ""] : null, more: rows.length > limit };
}

const CONTEXT = 80;
const MAX_MATCH = 400;

export async function annotationPage(f: CorpusFilter, m: TextMatcher | null, after: CursorKey | null, limit: number): Promise<Page> {
  const p = new SqlParams();
  const scope = annotationScopeSql(f, m, p);
  const keyset = after ? `AND (a.document_id, a.start, a.id) > (${p.add(after[0])}, ${p.add(after[1])}, ${p.add(after[2])})` : "";
  const rows = await sql().query<
    DocumentColumns & { id: string; type: string; start: number; end: number; layer: "GOLD" | "ANNOTATOR"; author_id: string; attributes: Record<string, unknown>; speaker_id: string | null }
  >(
    `SELECT a.id, a.document_id, a.type, a.start, a."end", a.layer, a.author_id, a.attributes, a.speaker_id, d.title, d.source, d.published_at
     ${scope} ${keyset} ORDER BY a.document_id, a.start, a.id LIMIT ${p.add(limit + 1)}`,
    p.values,
  );
  const page = rows.slice(0, limit);
  // Text, sentence and speaker name for the page only (the document text never leaves the database whole).
  const details = page.length
    ? await sql().query<{ id: string; before: string; match: string; after: string; sentence_index: number | null; speaker_name: string | null; match_length: number }>(
        `SELECT a.id,
                substr(d.text, greatest(a.start - ${CONTEXT}, 0) + 1, a.start - greatest(a.start - ${CONTEXT}, 0)) AS before,
                substr(d.text, a.start + 1, least(a."end" - a.start, ${MAX_MATCH})) AS match,
                substr(d.text, a."end" + 1, ${CONTEXT}) AS after,
                a."end" - a.start AS match_length,
                (SELECT s.index FROM sentences s WHERE s.document_id = a.document_id AND s.start <= a.start AND s."end" > a.start LIMIT 1) AS sentence_index,
                e.name AS speaker_name
         FROM annotations a JOIN documents d ON d.id = a.document_id LEFT JOIN entities e ON e.id = a.speaker_id
         WHERE a.id = ANY($1::text[])`,
        [page.map((r) => r.id)],
      )
    : [];
  const byId = new Map(details.map((x) => [x.id, x]));
  const hits = page.map((row): SearchHit => {
    const x = byId.get(row.id)!;
    return {
      ...documentPart(row),
      sentenceIndex: x.sentence_index,
      start: row.start,
      end: row.end,
      snippet: {
        before: (row.start > CONTEXT ? "…" : "") + x.before,
        match: x.match + (x.match_length > MAX_MATCH ? "…" : ""),
        after: x.after + ([...x.after].length === CONTEXT ? "…" : ""),
      },
      annotation: {
        id: row.id,
        type: row.type,
        layer: row.layer === "GOLD" ? "gold" : "annotator",
        authorId: row.author_id,
        speakerId: row.speaker_id,
        speakerName: x.speaker_name,
        attributes: row.attributes,
      },
    };
  });
  const lastRow = rows[Math.min(rows.length, limit) - 1];
  return { hits, last: lastRow ? [lastRow.document_id, lastRow.start, lastRow.id] : null, more: rows.length > limit };
}
