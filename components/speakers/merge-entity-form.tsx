"use client";
import { mergeEntityAction } from "@/app/projects/[projectId]/speakers/actions";
import { Field, FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import type { EntityDto } from "@/lib/entities/entity-dto";
import { mergeEntitySchema } from "@/lib/validation/entities";

/** Merges this speaker into another: annotations are re-pointed, the names become aliases. */
export function MergeEntityForm({ projectId, entity, others }: { projectId: string; entity: EntityDto; others: EntityDto[] }) {
  const { form, onSubmit, formError } = useServerForm(mergeEntitySchema, (v) => mergeEntityAction(projectId, entity.id, v), {
    defaultValues: { into: "" },
  });
  const { register, formState } = form;
  const id = `merge-${entity.id}`;
  if (others.length === 0) return null;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="merge-entity-form">
      <Field id={id} label={`Merge “${entity.name}” into`} error={formState.errors.into?.message} hint="Its annotations move to the chosen speaker; its names become aliases.">
        <select id={id} aria-invalid={!!formState.errors.into} {...register("into")}>
          <option value="">Choose a speaker…</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <FormError message={formError} />
      <button type="submit" className="secondary" disabled={formState.isSubmitting}>Merge</button>
    </form>
  );
}
