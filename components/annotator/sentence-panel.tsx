"use client";
import type { LabelSchema } from "@/lib/schema/label-schema";
import { formDefaultHolder, toStanceEntries } from "@/lib/annotator/attribute-form";
import { StanceEditor } from "./stance-editor";
import { KeyHint } from "./key-hint";

type Props = {
  schema: LabelSchema;
  targets: string[];
  sentenceIndex: number | null;
  rangeCount: number;
  labels: Record<string, unknown>;
  readOnly: boolean;
  onChange: (name: string, value: unknown) => void;
};

const shortcut: Record<string, string> = { yes: "y", no: "n" };

/** Sentence-level labels of the focused sentence: each change is saved at once. */
export function SentencePanel(props: Props) {
  if (props.sentenceIndex === null) return <p className="muted">No sentences in this document.</p>;
  return (
    <section data-testid="sentence-panel">
      <h3 style={{ marginTop: 0 }}>
        Sentence {props.sentenceIndex + 1}
        {props.rangeCount > 1 ? <span className="muted small"> (+{props.rangeCount - 1} selected — labels apply to all)</span> : null}
      </h3>
      {props.schema.sentenceLabels.map((def) => {
        if (def.kind === "choice") {
          const current = props.labels[def.name];
          return (
            <div key={def.name} className="row" style={{ marginBottom: "0.5rem" }} role="group" aria-label={def.name}>
              <span className="small" style={{ minWidth: "6rem" }}>{def.name === "checkworthy" ? "Check-worthy" : def.name}</span>
              {def.values
                .filter((v) => !v.retired)
                .map((v) => (
                  <button
                    key={v.value}
                    type="button"
                    className={current === v.value ? undefined : "secondary"}
                    aria-pressed={current === v.value}
                    disabled={props.readOnly}
                    onClick={() => props.onChange(def.name, current === v.value ? null : v.value)}
                  >
                    {v.label}
                    {def.name === "checkworthy" && shortcut[v.value] ? <> (<KeyHint k={shortcut[v.value]!} />)</> : null}
                  </button>
                ))}
            </div>
          );
        }
        if (def.kind === "stance") {
          const value = toStanceEntries(props.labels[def.name], formDefaultHolder(null));
          return (
            <div key={def.name} style={{ marginBottom: "0.5rem" }}>
              <div className="small">Sentence stance</div>
              <StanceEditor id={`sentence-${def.name}`} value={value} targets={props.targets} defaultHolder={formDefaultHolder(null)} disabled={props.readOnly} onChange={(v) => props.onChange(def.name, v.length ? v : null)} />
            </div>
          );
        }
        return null;
      })}
      {props.readOnly ? null : <p className="hint">Select text (or move with <kbd>j</kbd>/<kbd>k</kbd>, extend with <kbd>Shift</kbd>) and press a type key to add a span. <kbd>?</kbd> lists every shortcut.</p>}
    </section>
  );
}
