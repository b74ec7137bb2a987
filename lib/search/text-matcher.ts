import "server-only";
import { querySql as sql } from "@/lib/search/query-sql";
import { AppError } from "@/lib/errors";
import { compileSearchQuery, literalPattern } from "./query-syntax";
import type { SqlParams } from "./sql-params";

// What `q` becomes in SQL: a full-text match against the sentence's own configuration (the three
// queries are computed once, so each is a constant the GIN index can use), or a literal
// case-insensitive substring for the trigram index.

export type TextMatcher =
  | { kind: "fulltext"; english: string; russian: string; simple: string }
  | { kind: "exact"; text: string; length: number };

const EXACT_MIN = 3;
const EXACT_MAX = 200;

function invalid(message: string): AppError {
  return new AppError("validation_failed", message, { details: { fields: { q: [message] } } });
}

export async function prepareTextMatcher(q: string | undefined, mode: "fulltext" | "exact"): Promise<TextMatcher | null> {
  if (q === undefined || q.trim() === "") return null;
  if (mode === "exact") {
    const length = [...q].length;
    // The trigram index needs three characters; shorter literals would scan every sentence.
    if (length < EXACT_MIN) throw invalid(`An exact search needs at least ${EXACT_MIN} characters.`);
    if (length > EXACT_MAX) throw invalid(`An exact search takes at most ${EXACT_MAX} characters.`);
    // The trigram index only knows runs of letters and digits: punctuation alone (".*+?") would
    // leave it nothing to look up and scan every sentence.
    if (!/[\p{L}\p{N}]{3}/u.test(q)) throw invalid("An exact search needs three letters or digits in a row; punctuation alone cannot be looked up.");
    return { kind: "exact", text: q, length };
  }
  const text = compileSearchQuery(q);
  const [row] = await sql().query<{ english: string; russian: string; simple: string; en_nodes: number; ru_nodes: number }>(
    `SELECT q.en::text AS english, q.ru::text AS russian, q.si::text AS simple, numnode(q.en) AS en_nodes, numnode(q.ru) AS ru_nodes
     FROM (SELECT to_tsquery('english', $1) AS en, to_tsquery('russian', $1) AS ru, to_tsquery('simple', $1) AS si) q`,
    [text],
  );
  if (!row || row.en_nodes === 0 || row.ru_nodes === 0) {
    throw invalid("The query consists only of stop words (such as \"the\" or \"и\"); add a word that carries meaning.");
  }
  return { kind: "fulltext", english: row.english, russian: row.russian, simple: row.simple };
}

/** The configuration a sentence row `s` was indexed with (the generated column `tsv` uses the same). */
export function rowConfig(s = "s"): string {
  return `stancebench_ts_config(${s}.language)`;
}

/** The condition on the sentences row `s` (its `tsv` and `text` columns carry the GIN indexes). */
export function textCondition(m: TextMatcher, p: SqlParams, s = "s"): string {
  if (m.kind === "exact") return `${s}.text ILIKE ${p.add(literalPattern(m.text))}`;
  return `((${rowConfig(s)} = 'english'::regconfig AND ${s}.tsv @@ ${p.add(m.english)}::tsquery)
        OR (${rowConfig(s)} = 'russian'::regconfig AND ${s}.tsv @@ ${p.add(m.russian)}::tsquery)
        OR (${rowConfig(s)} = 'simple'::regconfig AND ${s}.tsv @@ ${p.add(m.simple)}::tsquery))`;
}

/** The query matching the row's configuration, for ts_headline. */
export function rowQuery(m: Extract<TextMatcher, { kind: "fulltext" }>, p: SqlParams, s = "s"): string {
  return `CASE ${rowConfig(s)} WHEN 'english'::regconfig THEN ${p.add(m.english)}::tsquery WHEN 'russian'::regconfig THEN ${p.add(m.russian)}::tsquery ELSE ${p.add(m.simple)}::tsquery END`;
}

/** 1-based position of a literal match in the sentence text `s.text` (0: none). */
export function literalPosition(m: Extract<TextMatcher, { kind: "exact" }>, p: SqlParams, s = "s"): string {
  return `strpos(lower(${s}.text), lower(${p.add(m.text)}))`;
}
