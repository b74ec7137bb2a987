"use client";
import { STANCE_SCALE } from "@/lib/schema/label-schema";
import type { StanceEntry } from "@/lib/annotator/attribute-form";

/** A list of {target, value} pairs: each project target at most once, value −2 … +2. */
export function StanceEditor(props: { id: string; value: StanceEntry[]; targets: string[]; onChange: (value: StanceEntry[]) => void; disabled?: boolean }) {
  const { value, targets, onChange } = props;
  const unused = targets.filter((t) => !value.some((s) => s.target === t));
  return (
    <div id={props.id} data-testid="stance-editor">
      {value.map((entry, i) => (
        <div className="row" key={entry.target} style={{ marginBottom: "0.3rem" }}>
          <select
            aria-label={`Stance target ${i + 1}`}
            value={entry.target}
            disabled={props.disabled}
            onChange={(e) => onChange(value.map((s, j) => (j === i ? { ...s, target: e.target.value } : s)))}
          >
            {[entry.target, ...unused].map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
          <select
            aria-label={`Stance towards ${entry.target}`}
            value={entry.value}
            disabled={props.disabled}
            onChange={(e) => onChange(value.map((s, j) => (j === i ? { ...s, value: Number(e.target.value) } : s)))}
          >
            {STANCE_SCALE.map((s) => (
              <option key={s.value} value={s.value}>{`${s.value > 0 ? "+" : ""}${s.value} ${s.label}`}</option>
            ))}
          </select>
          <button type="button" className="link small" disabled={props.disabled} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            remove
          </button>
        </div>
      ))}
      {unused.length ? (
        <button type="button" className="secondary small" disabled={props.disabled} onClick={() => onChange([...value, { target: unused[0]!, value: 0 }])}>
          Add stance
        </button>
      ) : value.length === 0 ? (
        <p className="hint">The project has no stance targets.</p>
      ) : null}
    </div>
  );
}
