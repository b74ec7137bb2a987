"use client";
import { useFieldArray } from "react-hook-form";
import { useSchemaForm } from "./schema-form";

/**
 * The values of one choice attribute. Saved values can only be relabelled or retired (annotations
 * may use them); values added in this session can still be removed before saving.
 */
export function ChoiceValuesEditor(props: { path: `labelSchema.spanTypes.${number}.attributes.${number}` | `labelSchema.sentenceLabels.${number}`; saved: ReadonlySet<string>; caption: string }) {
  const { form, errorAt } = useSchemaForm();
  const valuesPath = `${props.path}.values` as "labelSchema.spanTypes.0.attributes.0.values";
  const { fields, append, remove } = useFieldArray({ control: form.control, name: valuesPath });
  const listError = errorAt(valuesPath);
  return (
    <fieldset style={{ border: "1px solid var(--line)", borderRadius: "var(--radius)", padding: "0.5rem 0.75rem", margin: "0.5rem 0" }}>
      <legend className="small" style={{ fontWeight: 600 }}>{props.caption}</legend>
      {fields.map((field, k) => {
        const base = `${valuesPath}.${k}` as const;
        // Decided by the value the row started with, not what is typed into a new row.
        const isSaved = props.saved.has(field.value);
        const valueError = errorAt(`${base}.value`);
        const labelError = errorAt(`${base}.label`);
        return (
          <div key={field.id} style={{ marginBottom: "0.35rem" }}>
            <div className="row">
              <input
                type="text"
                aria-label={`${props.caption}: value ${k + 1}`}
                readOnly={isSaved}
                title={isSaved ? "Saved values keep their identifier; relabel or retire them instead" : undefined}
                aria-invalid={!!valueError}
                style={{ width: "11rem" }}
                {...form.register(`${base}.value`)}
              />
              <input type="text" aria-label={`${props.caption}: label ${k + 1}`} aria-invalid={!!labelError} style={{ flex: 1 }} {...form.register(`${base}.label`)} />
              {isSaved ? (
                <label className="checkbox small">
                  <input type="checkbox" {...form.register(`${base}.retired`)} /> retired
                </label>
              ) : (
                <button type="button" className="secondary" onClick={() => remove(k)}>
                  Remove
                </button>
              )}
            </div>
            {valueError ? <p className="field-error" role="alert">{valueError}</p> : null}
            {labelError ? <p className="field-error" role="alert">{labelError}</p> : null}
          </div>
        );
      })}
      {listError ? <p className="field-error" role="alert">{listError}</p> : null}
      <button type="button" className="secondary" onClick={() => append({ value: "", label: "", retired: false })}>
        Add value
      </button>
    </fieldset>
  );
}
