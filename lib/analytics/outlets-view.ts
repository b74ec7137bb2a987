import "server-only";
import { querySql as sql } from "@/lib/search/query-sql";
import { documentConditions, type CorpusFilter } from "@/lib/search/corpus-filter";
import { SqlParams } from "@/lib/search/sql-params";
import type { OutletRow } from "@/lib/validation/analytics";
import { annotationsSql } from "./analytics-sql";
import { round } from "./stance-stats";

/** Per source outlet: documents, quotes by speaker, editorial insertions by kind, claims and the check-worthy share. */
export async function outletsView(f: CorpusFilter): Promise<OutletRow[]> {
  const p = new SqlParams();
  const docs = `SELECT d.source, count(*) AS documents FROM documents d WHERE ${documentConditions(f, p).join(" AND ")} GROUP BY d.source`;
  const ann = annotationsSql(f, p, "d.source, a.type, a.speaker_id, a.attributes->>'kind' AS kind, a.attributes->>'checkworthy' AS checkworthy");
  const rows = await sql().query<{ source: string | null; documents: string; quotes: string | null; by_speaker: Record<string, number> | null; by_kind: Record<string, number> | null; claims: string | null; checkworthy: string | null }>(
    `WITH docs AS (${docs}), ann AS MATERIALIZED (${ann}),
          qs AS MATERIALIZED (SELECT ann.source, e.name, count(*) AS n FROM ann JOIN entities e ON e.id = ann.speaker_id WHERE ann.type = 'QUOTE' GROUP BY ann.source, e.name),
          ed AS MATERIALIZED (SELECT source, coalesce(kind, '(none)') AS kind, count(*) AS n FROM ann WHERE type = 'EDITORIAL' GROUP BY source, coalesce(kind, '(none)')),
          totals AS (SELECT source, count(*) FILTER (WHERE type = 'QUOTE') AS quotes, count(*) FILTER (WHERE type = 'CLAIM') AS claims,
                            count(*) FILTER (WHERE type = 'CLAIM' AND checkworthy = 'yes') AS checkworthy FROM ann GROUP BY source)
     SELECT docs.source, docs.documents, t.quotes, t.claims, t.checkworthy,
            (SELECT jsonb_object_agg(name, n) FROM qs WHERE qs.source IS NOT DISTINCT FROM docs.source) AS by_speaker,
            (SELECT jsonb_object_agg(kind, n) FROM ed WHERE ed.source IS NOT DISTINCT FROM docs.source) AS by_kind
     FROM docs LEFT JOIN totals t ON t.source IS NOT DISTINCT FROM docs.source
     ORDER BY docs.documents DESC, docs.source NULLS LAST LIMIT 500`,
    p.values,
  );
  return rows.map((r) => {
    const claims = Number(r.claims ?? 0);
    return {
      source: r.source,
      documents: Number(r.documents),
      quotes: Number(r.quotes ?? 0),
      quotesBySpeaker: r.by_speaker ?? {},
      editorialByKind: r.by_kind ?? {},
      claims,
      checkworthyShare: claims ? round(Number(r.checkworthy) / claims) : null,
    };
  });
}
