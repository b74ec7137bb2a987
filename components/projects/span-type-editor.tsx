"use client";
import type { SpanTypeDefinition } from "@/lib/schema/label-schema";
import { ChoiceValuesEditor } from "./choice-values-editor";
import { useSchemaForm } from "./schema-form";

const KIND_LABEL = { choice: "choice", stance: "stance", entity: "speaker entity", span: "text span" } as const;

/** One span type: label, colour, hotkey, retire switch and its choice attributes' values. */
export function SpanTypeEditor(props: { index: number; saved: SpanTypeDefinition | undefined; onRemove: () => void }) {
  const { form, errorAt } = useSchemaForm();
  const base = `labelSchema.spanTypes.${props.index}` as const;
  const id = `span-type-${props.index}`;
  const attributes = form.watch(`${base}.attributes`) ?? [];
  const color = form.watch(`${base}.color`);
  const err = (field: string) => errorAt(`${base}.${field}`);
  return (
    <section className="panel" data-testid="span-type-editor" style={{ borderLeft: `6px solid ${/^#[0-9a-fA-F]{6}$/.test(color ?? "") ? color : "var(--line)"}` }}>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-name`}>Type name</label>
          <input id={`${id}-name`} type="text" readOnly={!!props.saved} aria-invalid={!!err("name")} placeholder="e.g. EVENT" {...form.register(`${base}.name`)} />
          {props.saved ? <p className="hint">Saved types keep their name (annotations refer to it).</p> : null}
          {err("name") ? <p className="field-error" role="alert">{err("name")}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-label`}>Label</label>
          <input id={`${id}-label`} type="text" aria-invalid={!!err("label")} {...form.register(`${base}.label`)} />
          {err("label") ? <p className="field-error" role="alert">{err("label")}</p> : null}
        </div>
      </div>
      <div className="row" style={{ alignItems: "flex-start", gap: "1.5rem" }}>
        <div className="field">
          <label htmlFor={`${id}-color`}>Colour</label>
          <div className="row">
            <input id={`${id}-color`} type="color" aria-invalid={!!err("color")} {...form.register(`${base}.color`)} />
            <code>{color}</code>
          </div>
          {err("color") ? <p className="field-error" role="alert">{err("color")}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-hotkey`}>Hotkey</label>
          <input id={`${id}-hotkey`} type="text" maxLength={2} style={{ width: "3.5rem" }} aria-invalid={!!err("hotkey")} {...form.register(`${base}.hotkey`)} />
          {err("hotkey") ? <p className="field-error" role="alert">{err("hotkey")}</p> : <p className="hint">One key; not j k ? a x y n or a digit.</p>}
        </div>
        <div className="field">
          <span style={{ fontWeight: 600, fontSize: "0.9rem" }}>Status</span>
          {props.saved ? (
            <label className="checkbox">
              <input type="checkbox" {...form.register(`${base}.retired`)} /> Retired (hidden from annotators; existing spans stay)
            </label>
          ) : (
            <button type="button" className="secondary" onClick={props.onRemove}>
              Remove new type
            </button>
          )}
        </div>
      </div>
      <p className="small muted" style={{ margin: "0.25rem 0" }}>
        Attributes: {attributes.length === 0 ? "none" : attributes.map((a) => `${a.name} (${KIND_LABEL[a.kind]}${a.required ? ", required" : ""})`).join(", ")}
      </p>
      {attributes.map((attribute, j) =>
        attribute.kind === "choice" ? (
          <ChoiceValuesEditor
            key={`${attribute.name}-${j}`}
            path={`${base}.attributes.${j}`}
            caption={`${form.getValues(`${base}.name`) || "New type"} · ${attribute.name}`}
            saved={new Set(savedValues(props.saved, attribute.name))}
          />
        ) : null,
      )}
    </section>
  );
}

function savedValues(type: SpanTypeDefinition | undefined, attribute: string): string[] {
  const found = type?.attributes.find((a) => a.name === attribute);
  return found?.kind === "choice" ? found.values.map((v) => v.value) : [];
}
