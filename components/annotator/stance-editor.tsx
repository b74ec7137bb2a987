"use client";
import { STANCE_SCALE } from "@/lib/schema/label-schema";
import type { StanceEntry } from "@/lib/annotator/attribute-form";
import { STANCE_HOLDER_LABELS, STANCE_HOLDERS, type StanceHolder } from "@/lib/stance/stance-holder";

/**
 * A list of {target, value, holder}: each project target at most once, value −2 … +2, and whose
 * stance it is. A native select, so the holder is chosen by keyboard (s / a / r selects).
 */
export function StanceEditor(props: {
  id: string;
  value: StanceEntry[];
  targets: string[];
  defaultHolder: StanceHolder;
  onChange: (value: StanceEntry[]) => void;
  disabled?: boolean;
}) {
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
          <select
            aria-label={`Whose stance: ${entry.target}`}
            value={entry.holder}
            disabled={props.disabled}
            onChange={(e) => onChange(value.map((s, j) => (j === i ? { ...s, holder: e.target.value as StanceHolder } : s)))}
          >
            {STANCE_HOLDERS.map((h) => (
              <option key={h} value={h}>{STANCE_HOLDER_LABELS[h]}</option>
            ))}
          </select>
          <button type="button" className="link small" disabled={props.disabled} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            remove
          </button>
        </div>
      ))}
      {unused.length ? (
        <button type="button" className="secondary small" disabled={props.disabled} onClick={() => onChange([...value, { target: unused[0]!, value: 0, holder: props.defaultHolder }])}>
          Add stance
        </button>
      ) : value.length === 0 ? (
        <p className="hint">The project has no stance targets.</p>
      ) : null}
    </div>
  );
}
