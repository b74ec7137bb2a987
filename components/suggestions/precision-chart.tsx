"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type PrecisionBar = { name: string; precision: number | null; decided: number };

/** Precision (accepted / decided) per suggester kind; kinds with no decisions show no bar. */
export function PrecisionChart({ data }: { data: PrecisionBar[] }) {
  const rows = data.map((d) => ({ name: d.name, precision: d.precision === null ? null : Math.round(d.precision * 1000) / 10, decided: d.decided }));
  return (
    <div style={{ width: "100%", height: 220 }} data-testid="suggestion-precision-chart">
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" />
          <YAxis domain={[0, 100]} unit="%" width={48} />
          <Tooltip formatter={(value) => (typeof value === "number" ? `${value}%` : "no decisions yet")} />
          <Bar dataKey="precision" name="Precision" fill="#2563eb" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
