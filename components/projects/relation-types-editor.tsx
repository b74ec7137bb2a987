"use client";
import { useFieldArray } from "react-hook-form";
import { useSchemaForm } from "./schema-form";

/**
 * The schema's relation types (links between spans): add, relabel, retire, or remove one that no
 * relation uses yet (the server refuses removing a type in use, naming how many relations use it).
 */
export function RelationTypesEditor({ saved }: { saved: ReadonlySet<string> }) {
  const { form, errorAt } = useSchemaForm();
  const types = useFieldArray({ control: form.control, name: "labelSchema.relationTypes" });
  return (
    <fieldset data-testid="relation-types-editor">
      <legend>Relation types</legend>
      <p className="hint">Typed links between two spans of one layer, drawn in the annotator with r. Names: lower case and -, e.g. embedded-in.</p>
      {types.fields.map((field, i) => {
        const base = `labelSchema.relationTypes.${i}` as const;
        const isSaved = saved.has(field.name);
        return (
          <div className="row" key={field.id}>
            <input type="text" aria-label={`Relation type ${i + 1} name`} readOnly={isSaved} {...form.register(`${base}.name`)} />
            <input type="text" aria-label={`Relation type ${i + 1} label`} {...form.register(`${base}.label`)} />
            <label className="checkbox small">
              <input type="checkbox" {...form.register(`${base}.retired`)} /> Retired
            </label>
            <button type="button" className="link small" onClick={() => types.remove(i)}>Remove</button>
            {errorAt(`${base}.name`) ?? errorAt(`${base}.label`) ? <span className="field-error" role="alert">{errorAt(`${base}.name`) ?? errorAt(`${base}.label`)}</span> : null}
          </div>
        );
      })}
      {errorAt("labelSchema.relationTypes") ? <p className="field-error" role="alert">{errorAt("labelSchema.relationTypes")}</p> : null}
      <button type="button" className="secondary" onClick={() => types.append({ name: "", label: "", retired: false })}>
        Add relation type
      </button>
    </fieldset>
  );
}
