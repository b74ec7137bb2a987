"use client";
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { StanceRow, TimelineRow } from "@/lib/validation/analytics";
import { drillHref, type Filters } from "./analysis-links";

const COLOURS = ["#2f5bd3", "#d97706", "#16a34a", "#dc2626", "#7c3aed", "#0891b2"];

/** Mean stance per target with its 95% interval; each bar's items are one click away below. */
export function StanceByTargetChart({ projectId, filters, rows }: { projectId: string; filters: Filters; rows: StanceRow[] }) {
  if (rows.length === 0) return <p className="muted">No stance annotations match.</p>;
  const data = rows.map((r) => ({ target: r.group.target ?? "", mean: r.mean, n: r.n, error: r.ci95 ? [r.mean - r.ci95[0], r.ci95[1] - r.mean] : [0, 0] }));
  return (
    <>
      <div style={{ width: "100%", height: Math.max(200, data.length * 44 + 60) }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 16, right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" domain={[-2, 2]} ticks={[-2, -1, 0, 1, 2]} />
            <YAxis type="category" dataKey="target" width={200} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="mean" name="mean stance" fill="#2f5bd3">
              <ErrorBar dataKey="error" width={6} stroke="#111" direction="x" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="small row" style={{ listStyle: "none", padding: 0, flexWrap: "wrap" }}>
        {rows.map((r) => (
          <li key={r.group.target}>
            <Link href={drillHref(projectId, filters, { target: r.group.target ?? "" })} data-drill={r.group.target}>
              {r.group.target} (n = {r.n})
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Heat map of mean stance, target × outlet; each cell links to its annotations. */
export function StanceHeatMap({ projectId, filters, rows }: { projectId: string; filters: Filters; rows: StanceRow[] }) {
  const targets = [...new Set(rows.map((r) => r.group.target ?? ""))].sort();
  const sources = [...new Set(rows.map((r) => r.group.source ?? ""))].sort();
  const cell = new Map(rows.map((r) => [`${r.group.target}|${r.group.source ?? ""}`, r]));
  const colour = (mean: number) => (mean < 0 ? `rgba(220,38,38,${Math.min(1, -mean / 2) * 0.7 + 0.1})` : `rgba(22,163,74,${Math.min(1, mean / 2) * 0.7 + 0.1})`);
  if (rows.length === 0) return <p className="muted">No stance annotations match.</p>;
  return (
    <table className="small" style={{ borderCollapse: "collapse" }}>
      <thead>
        <tr>
          <th />
          {sources.map((s) => (
            <th key={s}>{s || "(no source)"}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {targets.map((t) => (
          <tr key={t}>
            <th style={{ textAlign: "left" }}>{t}</th>
            {sources.map((s) => {
              const r = cell.get(`${t}|${s}`);
              return (
                <td key={s} style={{ background: r ? colour(r.mean) : undefined, padding: "0.25rem 0.5rem", textAlign: "center" }}>
                  {r ? (
                    <Link href={drillHref(projectId, filters, { target: t, ...(s ? { source: s } : {}) })} title={r.ci95 ? `95% CI ${r.ci95[0]} … ${r.ci95[1]}` : "n < 2"}>
                      {r.mean.toFixed(2)} <span className="muted">n={r.n}</span>
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Mean stance per target over time (one line per target), and documents per period. */
export function StanceTimelineChart({ rows }: { rows: TimelineRow[] }) {
  const targets = [...new Set(rows.flatMap((r) => Object.keys(r.stanceByTarget)))].sort();
  if (rows.length === 0) return <p className="muted">No dated documents match.</p>;
  const data = rows.map((r) => ({ period: r.period, documents: r.documents, quotes: r.quotes, ...Object.fromEntries(targets.map((t) => [t, r.stanceByTarget[t]?.mean ?? null])) }));
  return (
    <div style={{ width: "100%", height: 280 }}>
      <ResponsiveContainer>
        <LineChart data={data} margin={{ right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="period" />
          <YAxis domain={[-2, 2]} ticks={[-2, -1, 0, 1, 2]} />
          <Tooltip />
          <Legend />
          {targets.map((t, i) => (
            <Line key={t} type="monotone" dataKey={t} stroke={COLOURS[i % COLOURS.length]} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
