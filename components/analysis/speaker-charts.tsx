"use client";
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { OutletRow, SpeakerRow } from "@/lib/validation/analytics";
import { drillHref, type Filters } from "./analysis-links";

/** The most quoted speakers, split by direct / indirect / mixed quotes. */
export function TopSpeakersChart({ projectId, filters, rows }: { projectId: string; filters: Filters; rows: SpeakerRow[] }) {
  const top = rows.slice(0, 15);
  if (top.length === 0) return <p className="muted">No attributed quotes match.</p>;
  const data = top.map((r) => ({ name: r.name, direct: Math.round(r.quotes * r.directShare), indirect: Math.round(r.quotes * r.indirectShare), mixed: Math.round(r.quotes * r.mixedShare) }));
  return (
    <>
      <div style={{ width: "100%", height: Math.max(200, top.length * 32 + 60) }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 16, right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={180} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            <Bar dataKey="direct" stackId="q" fill="#2f5bd3" />
            <Bar dataKey="indirect" stackId="q" fill="#93a8e8" />
            <Bar dataKey="mixed" stackId="q" fill="#d97706" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="small row" style={{ listStyle: "none", padding: 0, flexWrap: "wrap" }}>
        {top.map((r) => (
          <li key={r.speakerId}>
            <Link href={drillHref(projectId, filters, { type: "QUOTE", speaker: r.speakerId })}>
              {r.name} ({r.quotes})
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Quotes per outlet × speaker. */
export function OutletSpeakerMatrix({ rows }: { rows: OutletRow[] }) {
  const speakers = [...new Set(rows.flatMap((r) => Object.keys(r.quotesBySpeaker)))].sort();
  if (speakers.length === 0) return <p className="muted">No attributed quotes match.</p>;
  return (
    <table className="small" style={{ borderCollapse: "collapse" }}>
      <thead>
        <tr>
          <th />
          {speakers.map((s) => (
            <th key={s}>{s}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.source ?? ""}>
            <th style={{ textAlign: "left" }}>{r.source ?? "(no source)"}</th>
            {speakers.map((s) => (
              <td key={s} style={{ textAlign: "center", padding: "0.2rem 0.5rem" }}>{r.quotesBySpeaker[s] ?? ""}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
