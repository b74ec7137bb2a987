"use client";
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AgreementReportDto } from "@/lib/validation/agreement";
import { formatScore, KAPPA_UNDEFINED } from "./format-score";

// Legend text in the text colour: the series colours are too light to read as text (WCAG 1.4.3).
const legendText = (value: string) => <span style={{ color: "var(--text)" }}>{value}</span>;

// A score of exactly 0 is a result, not a missing bar: draw it as a sliver (undefined stays empty).
const VISIBLE_ZERO = (value: number | null | undefined) => (value === null || value === undefined ? 0 : 3);

/** Krippendorff's alpha per attribute key, nominal / ordinal / interval side by side. */
export function AlphaChart({ attributes }: { attributes: AgreementReportDto["attributes"] }) {
  const data = Object.entries(attributes)
    .filter(([, a]) => a.units > 0)
    .map(([key, a]) => ({ key, nominal: a.alpha.nominal, ordinal: a.alpha.ordinal, interval: a.alpha.interval }));
  if (data.length === 0) return <p className="muted">No attribute has values from two annotators on the same unit yet.</p>;
  return (
    <div data-testid="alpha-chart" style={{ width: "100%", height: Math.max(220, data.length * 42 + 60) }}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 16, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" domain={[-1, 1]} ticks={[-1, -0.5, 0, 0.5, 1]} tickFormatter={(v: number) => v.toFixed(1)} />
          {/* Krippendorff's thresholds as lines, not as axis ticks at odd values. */}
          <ReferenceLine x={0.667} stroke="#9a6700" strokeDasharray="4 2" label={{ value: "0.667", position: "top", fontSize: 11, fill: "#1c1c1a" }} />
          <ReferenceLine x={0.8} stroke="#1f7a3a" strokeDasharray="4 2" label={{ value: "0.8", position: "top", fontSize: 11, fill: "#1c1c1a" }} />
          <YAxis type="category" dataKey="key" width={170} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => formatScore(typeof value === "number" ? value : null)} />
          <Legend formatter={legendText} />
          <Bar dataKey="nominal" fill="#2f5bd3" minPointSize={VISIBLE_ZERO} />
          <Bar dataKey="ordinal" fill="#16a34a" minPointSize={VISIBLE_ZERO} />
          <Bar dataKey="interval" fill="#d97706" minPointSize={VISIBLE_ZERO} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Span F1 per type over all annotator pairs, exact and overlap matching. */
export function SpanF1Chart({ spanF1ByType }: { spanF1ByType: AgreementReportDto["spanF1ByType"] }) {
  const types = [...new Set([...Object.keys(spanF1ByType.exact.byType), ...Object.keys(spanF1ByType.overlap.byType)])].sort();
  const data = types.map((type) => ({ type, exact: spanF1ByType.exact.byType[type]?.f1 ?? null, overlap: spanF1ByType.overlap.byType[type]?.f1 ?? null }));
  if (data.length === 0) return <p className="muted">No spans to compare yet.</p>;
  return (
    <div data-testid="f1-chart" style={{ width: "100%", height: 260 }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="type" />
          <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => v.toFixed(2)} />
          <Tooltip formatter={(value) => formatScore(typeof value === "number" ? value : null)} />
          <Legend formatter={legendText} />
          <Bar dataKey="exact" name="F1 exact" fill="#2f5bd3" minPointSize={VISIBLE_ZERO} />
          <Bar dataKey="overlap" name="F1 overlap" fill="#93a8e8" minPointSize={VISIBLE_ZERO} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Red (κ ≤ 0) through yellow to green (κ = 1); grey when undefined. */
function kappaColour(kappa: number | null): string {
  if (kappa === null) return "#eeeeea";
  const t = Math.max(0, Math.min(1, kappa));
  return `hsl(${Math.round(t * 120)}, 70%, ${88 - t * 18}%)`;
}

/** Cohen's kappa for each pair of annotators, as a colour-scaled matrix table. */
export function KappaMatrix({ kappa, annotators }: { kappa: AgreementReportDto["kappa"]; annotators: AgreementReportDto["annotators"] }) {
  const names = new Map(annotators.map((a) => [a.id, a.name]));
  if (!kappa || kappa.annotators.length < 2) return <p className="muted">Kappa needs sentence labels from at least two annotators.</p>;
  return (
    <div style={{ overflowX: "auto" }}>
      <p className="hint">
        On <code>{kappa.key}</code>; each cell: κ over the sentences both annotators labelled (n). κ is not defined for fewer than two sentences, or
        when both used one and the same label throughout.
      </p>
      <table className="data" data-testid="kappa-matrix" style={{ width: "auto" }}>
        <thead>
          <tr>
            <th />
            {kappa.annotators.map((id) => (
              <th key={id}>{names.get(id) ?? id}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kappa.annotators.map((rowId, i) => (
            <tr key={rowId}>
              <th scope="row" style={{ textTransform: "none" }}>{names.get(rowId) ?? rowId}</th>
              {kappa.annotators.map((colId, j) => {
                const value = kappa.matrix[i]?.[j] ?? null;
                return (
                  <td key={colId} className="num" data-kappa={i === j ? undefined : (value ?? "undefined")} style={{ background: i === j ? "#f4f4f0" : kappaColour(value), minWidth: "6rem" }}>
                    {i === j ? <span className="muted">—</span> : value === null ? <span title="κ is 0/0 here: too few sentences or no variation">{KAPPA_UNDEFINED}</span> : formatScore(value)}
                    <span className="small" style={{ color: "#44443f" }}> (n={kappa.n[i]?.[j] ?? 0})</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Colour: <span style={{ background: kappaColour(0), padding: "0 0.4rem" }}>≤ 0</span> <span style={{ background: kappaColour(0.5), padding: "0 0.4rem" }}>0.5</span>{" "}
        <span style={{ background: kappaColour(1), padding: "0 0.4rem" }}>1</span>
      </p>
    </div>
  );
}
