"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useFieldArray } from "react-hook-form";
import { updateLabelSchemaAction } from "@/app/projects/[projectId]/settings/actions";
import { FormError } from "@/components/ui/field";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";
import { useServerForm } from "@/components/ui/use-server-form";
import type { LabelSchema } from "@/lib/schema/label-schema";
import { updateLabelSchemaSchema } from "@/lib/validation/label-schema";
import { relationTypesOf } from "@/lib/relations/relation-types";
import { ChoiceValuesEditor } from "./choice-values-editor";
import { RelationTypesEditor } from "./relation-types-editor";
import { SpanTypeEditor } from "./span-type-editor";
import { SubquestionAdder } from "./subquestion-adder";

const NEW_TYPE = { name: "", label: "", color: "#6b7280", hotkey: "", retired: false, attributes: [{ name: "stance", kind: "stance" as const, required: false }] };

/**
 * The manager's label schema editor: add span types and choice values, relabel, recolour, set
 * hotkeys, retire. Validated in the browser and again on the server with the same zod schema;
 * the server also refuses removing what annotations use (shown as the form's error).
 */
export function LabelSchemaEditor(props: { projectId: string; schema: LabelSchema; schemaVersion: number }) {
  // The confirmation lives outside the editor: a save bumps the version, and the editor, keyed
  // by version, remounts from the stored schema (which would drop a message kept inside it).
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  return (
    <SchemaForm
      key={props.schemaVersion}
      {...props}
      savedMessage={savedVersion !== null && savedVersion === props.schemaVersion ? `Label schema saved (version ${savedVersion}).` : null}
      onSaved={setSavedVersion}
    />
  );
}

function SchemaForm(props: { projectId: string; schema: LabelSchema; schemaVersion: number; savedMessage: string | null; onSaved: (version: number) => void }) {
  const router = useRouter();
  const { form, onSubmit, formError } = useServerForm(updateLabelSchemaSchema, (v) => updateLabelSchemaAction(props.projectId, v), {
    // Relation types are shown (and saved) explicitly, the defaults included.
    defaultValues: { labelSchema: { ...props.schema, relationTypes: relationTypesOf(props.schema) }, schemaVersion: props.schemaVersion },
    onSuccess: (data) => {
      props.onSaved(data.schemaVersion);
      router.refresh();
    },
  });
  const types = useFieldArray({ control: form.control, name: "labelSchema.spanTypes" });
  // Read from the form, so labels added in this session (sub-questions) show before saving.
  const sentenceLabels = form.watch("labelSchema.sentenceLabels");
  const savedLabels = new Map(props.schema.sentenceLabels.map((a) => [a.name, a]));
  const typesError = form.formState.errors.labelSchema?.spanTypes;
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate data-testid="label-schema-editor">
        <HydratedFieldset testId="label-schema-fields">
          <h2 style={{ marginTop: 0 }}>Label schema</h2>
          <p className="hint">Saved types and values are never deleted here: retire them, and annotations that use them stay valid and exportable.</p>
          {types.fields.map((field, i) => (
            <SpanTypeEditor key={field.id} index={i} saved={props.schema.spanTypes.find((t) => t.name === field.name)} onRemove={() => types.remove(i)} />
          ))}
          {typesError?.root?.message || typesError?.message ? <p className="field-error" role="alert">{typesError.root?.message ?? typesError.message}</p> : null}
          <button type="button" className="secondary" onClick={() => types.append(NEW_TYPE)}>
            Add span type
          </button>
          <h3>Sentence labels</h3>
          {sentenceLabels.map((attribute, j) =>
            attribute.kind === "choice" ? (
              <ChoiceValuesEditor
                key={attribute.name}
                path={`labelSchema.sentenceLabels.${j}`}
                caption={`Sentence · ${attribute.name}`}
                saved={new Set(savedLabels.get(attribute.name)?.kind === "choice" ? (savedLabels.get(attribute.name) as { values: { value: string }[] }).values.map((v) => v.value) : [])}
              />
            ) : null,
          )}
          <SubquestionAdder />
          <RelationTypesEditor saved={new Set(relationTypesOf(props.schema).map((t) => t.name))} />
          <p className="hint">Stance targets are edited with the project settings above.</p>
          <FormError message={formError} />
          {props.savedMessage && !form.formState.isDirty ? <p className="form-ok" role="status">{props.savedMessage}</p> : null}
          <button type="submit" disabled={form.formState.isSubmitting}>Save label schema</button>
        </HydratedFieldset>
      </form>
    </FormProvider>
  );
}
