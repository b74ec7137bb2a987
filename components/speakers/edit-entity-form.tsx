"use client";
import { Controller } from "react-hook-form";
import { updateEntityAction } from "@/app/projects/[projectId]/speakers/actions";
import { Field, FormError } from "@/components/ui/field";
import { StringListEditor } from "@/components/ui/string-list-editor";
import { useServerForm } from "@/components/ui/use-server-form";
import type { EntityDto } from "@/lib/entities/entity-dto";
import { updateEntitySchema } from "@/lib/validation/entities";
import { EntityTypeOptions } from "./entity-type-options";

/** Rename, retype and edit the aliases of one speaker (manager). */
export function EditEntityForm({ projectId, entity }: { projectId: string; entity: EntityDto }) {
  const { form, onSubmit, formError, saved } = useServerForm(updateEntitySchema, (v) => updateEntityAction(projectId, entity.id, v), {
    defaultValues: { name: entity.name, type: entity.type, aliases: entity.aliases },
  });
  const { register, formState, control } = form;
  const id = (field: string) => `entity-${entity.id}-${field}`;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="edit-entity-form">
      <div className="grid-2">
        <Field id={id("name")} label="Name" error={formState.errors.name?.message}>
          <input id={id("name")} aria-invalid={!!formState.errors.name} {...register("name")} />
        </Field>
        <Field id={id("type")} label="Type" error={formState.errors.type?.message}>
          <select id={id("type")} {...register("type")}>
            <EntityTypeOptions />
          </select>
        </Field>
      </div>
      <Field id={id("aliases")} label="Aliases (other spellings that resolve to this speaker)" error={formState.errors.aliases?.message}>
        <Controller
          control={control}
          name="aliases"
          render={({ field }) => <StringListEditor id={id("aliases")} value={field.value ?? []} onChange={field.onChange} addLabel="Add alias" itemLabel="Alias" />}
        />
      </Field>
      <FormError message={formError} />
      {saved ? <p className="form-ok">Saved.</p> : null}
      <button type="submit" disabled={formState.isSubmitting}>Save speaker</button>
    </form>
  );
}
