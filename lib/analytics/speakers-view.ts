import "server-only";
import { querySql as sql } from "@/lib/search/query-sql";
import type { CorpusFilter } from "@/lib/search/corpus-filter";
import { SqlParams } from "@/lib/search/sql-params";
import type { SpeakerRow } from "@/lib/validation/analytics";
import { annotationsSql, stanceElementsSql } from "./analytics-sql";
import { round } from "./stance-stats";

type Means = Record<string, { mean: number; n: number }>;

/** Per quoted speaker: quotes, direct / indirect / mixed shares, outlets quoting them, mean stance per target. */
export async function speakersView(f: CorpusFilter): Promise<SpeakerRow[]> {
  const quotes = { ...f, type: "QUOTE" };
  const p = new SqlParams();
  const base = annotationsSql(quotes, p, "a.speaker_id, a.attributes->>'form' AS form, d.source");
  const elements = stanceElementsSql(quotes, p, "a.speaker_id");
  const rows = await sql().query<{ speaker_id: string; name: string; quotes: string; direct: string; indirect: string; mixed: string; outlets: string; stance: Record<string, { mean: string; n: number }> | null }>(
    `WITH q AS (${base} AND a.speaker_id IS NOT NULL),
          s AS MATERIALIZED (SELECT speaker_id, target, avg(value) AS mean, count(*) AS n FROM (${elements} AND a.speaker_id IS NOT NULL) x GROUP BY speaker_id, target),
          b AS (SELECT speaker_id, count(*) AS quotes, count(*) FILTER (WHERE form = 'direct') AS direct, count(*) FILTER (WHERE form = 'indirect') AS indirect,
                       count(*) FILTER (WHERE form = 'mixed') AS mixed, count(DISTINCT source) AS outlets FROM q GROUP BY speaker_id)
     SELECT b.*, e.name, (SELECT jsonb_object_agg(s.target, jsonb_build_object('mean', s.mean, 'n', s.n)) FROM s WHERE s.speaker_id = b.speaker_id) AS stance
     FROM b JOIN entities e ON e.id = b.speaker_id ORDER BY b.quotes DESC, e.name LIMIT 500`,
    p.values,
  );
  return rows.map((r) => {
    const n = Number(r.quotes);
    const stanceByTarget: Means = {};
    for (const [target, v] of Object.entries(r.stance ?? {})) stanceByTarget[target] = { mean: round(Number(v.mean)), n: Number(v.n) };
    return {
      speakerId: r.speaker_id,
      name: r.name,
      quotes: n,
      directShare: round(Number(r.direct) / n),
      indirectShare: round(Number(r.indirect) / n),
      mixedShare: round(Number(r.mixed) / n),
      outlets: Number(r.outlets),
      stanceByTarget,
    };
  });
}
