"use client";
import { useRouter } from "next/navigation";
import { Controller } from "react-hook-form";
import { updateProjectAction } from "@/app/projects/[projectId]/actions";
import { Field, FormError } from "@/components/ui/field";
import { StringListEditor } from "@/components/ui/string-list-editor";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";
import { useServerForm } from "@/components/ui/use-server-form";
import { updateProjectSchema, type UpdateProjectInput } from "@/lib/validation/projects";

export function ProjectSettingsForm(props: { projectId: string; defaults: UpdateProjectInput; retiredTargets: string[] }) {
  const router = useRouter();
  const { form, onSubmit, formError, saved } = useServerForm(updateProjectSchema, (v) => updateProjectAction(props.projectId, v), {
    defaultValues: props.defaults,
    onSuccess: () => router.refresh(),
  });
  const { register, formState, control } = form;
  const targetErrors = formState.errors.stanceTargets;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="settings-form">
      <HydratedFieldset testId="settings-fields">
        <Field id="settings-name" label="Name" error={formState.errors.name?.message}>
          <input id="settings-name" type="text" aria-invalid={!!formState.errors.name} {...register("name")} />
        </Field>
        <Field id="settings-description" label="Description" error={formState.errors.description?.message}>
          <textarea id="settings-description" {...register("description")} />
        </Field>
        <Field
          id="settings-targets"
          label="Stance targets"
          hint="What annotators rate stance towards. Removing a target retires it: existing annotations keep it."
          error={targetErrors?.message ?? targetErrors?.root?.message ?? (Array.isArray(targetErrors) ? targetErrors.find(Boolean)?.message : undefined)}
        >
          <Controller
            control={control}
            name="stanceTargets"
            render={({ field }) => <StringListEditor id="settings-targets" value={field.value ?? []} onChange={field.onChange} addLabel="Add target" itemLabel="Target" />}
          />
        </Field>
        {props.retiredTargets.length ? <p className="hint">Retired: {props.retiredTargets.join(", ")}</p> : null}
        <h3>Review</h3>
        <label className="checkbox">
          <input type="checkbox" {...register("preAcceptAgreed")} /> Pre-accept spans and labels all annotators agree on into the gold layer
        </label>
        <h3>Datasets</h3>
        <label className="checkbox">
          <input type="checkbox" {...register("membersMayDownload")} /> Annotators and reviewers may download dataset versions
        </label>
        <div className="grid-2" style={{ marginTop: "0.75rem" }}>
          <Field id="settings-license" label="Dataset licence" error={formState.errors.license?.message}>
            <input id="settings-license" type="text" {...register("license")} />
          </Field>
          <Field id="settings-source" label="Source description" error={formState.errors.sourceDescription?.message}>
            <input id="settings-source" type="text" {...register("sourceDescription")} />
          </Field>
        </div>
        <h3>Suggestions</h3>
        <Field
          id="settings-threshold"
          label="Suggestion threshold (0–1)"
          hint="Suggestions less confident than this are hidden in the annotator and the API; 0 shows them all."
          error={formState.errors.suggestionThreshold?.message}
        >
          <input
            id="settings-threshold"
            type="number"
            step="0.05"
            min={0}
            max={1}
            aria-invalid={!!formState.errors.suggestionThreshold}
            {...register("suggestionThreshold", { valueAsNumber: true })}
          />
        </Field>
        <FormError message={formError} />
        {saved ? <p className="form-ok">Settings saved.</p> : null}
        <button type="submit" disabled={formState.isSubmitting}>Save settings</button>
      </HydratedFieldset>
    </form>
  );
}
