"use client";
import { createEntityAction } from "@/app/projects/[projectId]/speakers/actions";
import { Field, FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { createEntitySchema } from "@/lib/validation/entities";
import { EntityTypeOptions } from "./entity-type-options";

/** Adds a speaker to the registry before anyone quotes them (annotators can also add inline). */
export function CreateEntityForm({ projectId }: { projectId: string }) {
  const { form, onSubmit, formError, saved } = useServerForm(createEntitySchema, (v) => createEntityAction(projectId, v), {
    defaultValues: { name: "", type: "person", aliases: [] },
    onSuccess: () => form.reset({ name: "", type: "person", aliases: [] }),
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="create-entity-form">
      <div className="grid-2">
        <Field id="entity-name" label="Name" error={formState.errors.name?.message}>
          <input id="entity-name" aria-invalid={!!formState.errors.name} {...register("name")} />
        </Field>
        <Field id="entity-type" label="Type" error={formState.errors.type?.message}>
          <select id="entity-type" {...register("type")}>
            <EntityTypeOptions />
          </select>
        </Field>
      </div>
      <FormError message={formError} />
      {saved ? <p className="form-ok">Speaker added.</p> : null}
      <button type="submit" disabled={formState.isSubmitting}>Add speaker</button>
    </form>
  );
}
