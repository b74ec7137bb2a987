import "server-only";
import { querySql as sql } from "@/lib/search/query-sql";
import type { FacetCount, SearchResult } from "@/lib/validation/search";
import { annotationConditions, layerConditions, type CorpusFilter } from "./corpus-filter";
import { SqlParams } from "./sql-params";

// The total and the facet counts within the current query, one statement over one scan of the
// hits: source and language count the hits; type, speaker and target count the visible spans
// behind them (in sentence scope, the spans overlapping the matched sentences). Unless `cap` is
// null the scan stops after cap + 1 hits (in whatever order the plan finds them): the total is
// then a lower bound and the facets count the first `cap` hits — an exact count would visit every
// hit, which for a common word is most of the table.

const FACET_LIMIT = 20;
const STANCE_ELEMENTS = `jsonb_array_elements(CASE WHEN jsonb_typeof(x.attributes->'stance') = 'array' THEN x.attributes->'stance' ELSE '[]'::jsonb END)`;

export type FacetCounts = { total: number; totalIsLowerBound: boolean; facets: SearchResult["facets"] };

export async function searchFacets(
  scope: "sentences" | "annotations",
  scopeOf: (p: SqlParams) => string,
  f: CorpusFilter,
  cap: number | null,
): Promise<FacetCounts> {
  const p = new SqlParams();
  const scopeSql = scopeOf(p);
  const limit = cap === null ? "" : `LIMIT ${p.add(cap + 1)}`;
  let hits: string;
  let spans: string;
  if (scope === "annotations") {
    hits = `SELECT d.source, d.language, a.id, a.type, a.speaker_id, a.attributes ${scopeSql} ${limit}`;
    spans = `SELECT id, type, speaker_id, attributes FROM sample`;
  } else {
    hits = `SELECT d.source, d.language, s.document_id, s.start, s."end" ${scopeSql} ${limit}`;
    const inner = ["TRUE", ...layerConditions(f, p, "a", "d2"), ...annotationConditions(f, p)];
    spans = `SELECT DISTINCT a.id, a.type, a.speaker_id, a.attributes FROM sample h JOIN documents d2 ON d2.id = h.document_id
             JOIN annotations a ON a.document_id = h.document_id AND a.start < h."end" AND a."end" > h.start AND ${inner.join(" AND ")}`;
  }
  const rows = await sql().query<{ facet: keyof SearchResult["facets"] | "total"; key: string | null; count: string }>(
    `WITH hits AS MATERIALIZED (${hits}), sample AS MATERIALIZED (SELECT * FROM hits ${cap === null ? "" : `LIMIT ${p.add(cap)}`}), spans AS MATERIALIZED (${spans})
     SELECT 'total' AS facet, NULL AS key, count(*) AS count FROM hits
     UNION ALL SELECT 'source' AS facet, source AS key, count(*) AS count FROM sample GROUP BY source
     UNION ALL SELECT 'language', language, count(*) FROM sample GROUP BY language
     UNION ALL SELECT 'type', type, count(*) FROM spans GROUP BY type
     UNION ALL SELECT 'speaker', speaker_id, count(*) FROM spans WHERE speaker_id IS NOT NULL GROUP BY speaker_id
     UNION ALL SELECT 'target', e->>'target', count(*) FROM spans x, ${STANCE_ELEMENTS} e GROUP BY e->>'target'`,
    p.values,
  );
  const speakerIds = rows.filter((r) => r.facet === "speaker" && r.key).map((r) => r.key!);
  const names = new Map(
    speakerIds.length
      ? (await sql().query<{ id: string; name: string }>(`SELECT id, name FROM entities WHERE id = ANY($1::text[]) AND project_id = $2`, [speakerIds, f.projectId])).map((e) => [e.id, e.name])
      : [],
  );
  const facets: SearchResult["facets"] = { type: [], speaker: [], target: [], source: [], language: [] };
  let counted = 0;
  for (const row of rows) {
    if (row.facet === "total") {
      counted = Number(row.count);
      continue;
    }
    const key = row.key ?? "";
    const label = row.facet === "speaker" ? (names.get(key) ?? key) : key === "" ? "(none)" : key;
    facets[row.facet].push({ key, label, count: Number(row.count) });
  }
  for (const list of Object.values(facets) as FacetCount[][]) {
    list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    list.splice(FACET_LIMIT);
  }
  const capped = cap !== null && counted > cap;
  return { total: capped ? cap : counted, totalIsLowerBound: capped, facets };
}
