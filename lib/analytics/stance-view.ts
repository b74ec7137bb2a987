import "server-only";
import { querySql as sql } from "@/lib/search/query-sql";
import type { CorpusFilter } from "@/lib/search/corpus-filter";
import { SqlParams } from "@/lib/search/sql-params";
import type { StanceGroup, StanceRow } from "@/lib/validation/analytics";
import { stanceElementsSql } from "./analytics-sql";
import { ci95, round } from "./stance-stats";

const COLUMN: Record<StanceGroup, string> = {
  target: "target",
  source: "source",
  speaker: "speaker_id",
  month: "month",
  type: "type",
};

/** n, mean, distribution and 95% interval of stance values per group. */
export async function stanceView(f: CorpusFilter, groupBy: StanceGroup[]): Promise<StanceRow[]> {
  const p = new SqlParams();
  const elements = stanceElementsSql(f, p, `a.type, a.speaker_id, d.source, date_trunc('month', d.published_at) AS month`);
  const cols = groupBy.map((g) => COLUMN[g]);
  // Months are grouped as timestamps and formatted once per group, not once per row.
  const outputs = groupBy.map((g) => (g === "month" ? "to_char(month, 'YYYY-MM') AS month" : COLUMN[g]));
  const rows = await sql().query<Record<string, string | null> & { n: string; mean: string; sd: string | null; m2: string; m1: string; z: string; p1: string; p2: string; speaker_name: string | null }>(
    `WITH el AS (${elements})
     SELECT ${outputs.join(", ")}, count(*) AS n, avg(value) AS mean, stddev_samp(value) AS sd,
            count(*) FILTER (WHERE value = -2) AS m2, count(*) FILTER (WHERE value = -1) AS m1, count(*) FILTER (WHERE value = 0) AS z,
            count(*) FILTER (WHERE value = 1) AS p1, count(*) FILTER (WHERE value = 2) AS p2
            ${groupBy.includes("speaker") ? ", (SELECT name FROM entities WHERE id = el.speaker_id) AS speaker_name" : ""}
     FROM el GROUP BY ${cols.join(", ")} ORDER BY count(*) DESC, ${cols.join(", ")} LIMIT 1000`,
    p.values,
  );
  return rows.map((r) => {
    const n = Number(r.n);
    const mean = Number(r.mean);
    const group = Object.fromEntries(groupBy.map((g) => [g, r[COLUMN[g]] ?? null]));
    const label = Object.fromEntries(groupBy.map((g) => [g, g === "speaker" ? (r.speaker_name ?? r.speaker_id ?? null) : (r[COLUMN[g]] ?? null)]));
    return {
      group,
      label,
      n,
      mean: round(mean),
      distribution: { "-2": Number(r.m2), "-1": Number(r.m1), "0": Number(r.z), "1": Number(r.p1), "2": Number(r.p2) },
      ci95: ci95(n, mean, r.sd === null ? null : Number(r.sd)),
    };
  });
}
