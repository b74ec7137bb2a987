"use client";
import { useState } from "react";
import type { LabelSchema } from "@/lib/schema/label-schema";

type Props = {
  schema: LabelSchema;
  /** Offsets to start from (the selected match's), code points. */
  start: number;
  end: number;
  busy: boolean;
  onAdd: (annotation: { type: string; start: number; end: number; attributes: Record<string, string> }) => void;
};

/** The reviewer's own span for the gold layer: a type, offsets and the type's choice attributes. */
export function AddAnnotationForm({ schema, start, end, busy, onAdd }: Props) {
  const types = schema.spanTypes.filter((t) => !t.retired);
  const [type, setType] = useState(types[0]?.name ?? "");
  const [from, setFrom] = useState(String(start));
  const [to, setTo] = useState(String(end));
  const [choices, setChoices] = useState<Record<string, string>>({});
  const definition = types.find((t) => t.name === type);
  const choiceAttributes = (definition?.attributes ?? []).flatMap((a) => (a.kind === "choice" ? [a] : []));
  if (types.length === 0) return null;
  return (
    <details style={{ marginTop: "0.6rem" }} data-testid="add-annotation">
      <summary className="small">Add your own span to the gold layer</summary>
      <form
        className="row"
        style={{ marginTop: "0.4rem" }}
        onSubmit={(e) => {
          e.preventDefault();
          const attributes = Object.fromEntries(choiceAttributes.map((a) => [a.name, choices[a.name] ?? ""]).filter(([, v]) => v !== ""));
          onAdd({ type, start: Number(from), end: Number(to), attributes });
        }}
      >
        <label className="small" htmlFor="add-type">Type</label>
        <select id="add-type" value={type} onChange={(e) => setType(e.target.value)}>
          {types.map((t) => (
            <option key={t.name} value={t.name}>{t.label}</option>
          ))}
        </select>
        <label className="small" htmlFor="add-start">Start</label>
        <input id="add-start" type="number" min={0} value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: "6rem" }} />
        <label className="small" htmlFor="add-end">End</label>
        <input id="add-end" type="number" min={0} value={to} onChange={(e) => setTo(e.target.value)} style={{ width: "6rem" }} />
        {choiceAttributes.map((a) => (
          <span key={a.name} className="row">
            <label className="small" htmlFor={`add-${a.name}`}>{a.name}</label>
            <select id={`add-${a.name}`} value={choices[a.name] ?? ""} onChange={(e) => setChoices((c) => ({ ...c, [a.name]: e.target.value }))}>
              <option value="">—</option>
              {a.values.filter((v) => !v.retired).map((v) => (
                <option key={v.value} value={v.value}>{v.label}</option>
              ))}
            </select>
          </span>
        ))}
        <button type="submit" className="secondary" disabled={busy}>Add to gold</button>
      </form>
    </details>
  );
}
