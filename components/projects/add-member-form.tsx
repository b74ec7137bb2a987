"use client";
import { addMemberAction } from "@/app/projects/[projectId]/actions";
import { Field, FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { addMemberSchema } from "@/lib/validation/projects";

const ROLES = [
  { value: "MANAGER", label: "Manager — settings, members, documents" },
  { value: "ANNOTATOR", label: "Annotator — annotates assigned documents" },
  { value: "REVIEWER", label: "Reviewer — reviews and signs off" },
] as const;

export function AddMemberForm({ projectId, defaultEmail = "" }: { projectId: string; defaultEmail?: string }) {
  const { form, onSubmit, formError, saved } = useServerForm(addMemberSchema, (v) => addMemberAction(projectId, v), {
    defaultValues: { email: defaultEmail.slice(0, 320), roles: ["ANNOTATOR"] },
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Field id="member-email" label="Email of an existing user" error={formState.errors.email?.message}>
        <input id="member-email" type="email" aria-invalid={!!formState.errors.email} {...register("email")} />
      </Field>
      <fieldset className="field" style={{ border: 0, padding: 0 }}>
        <legend style={{ fontWeight: 600, fontSize: "0.9rem" }}>Roles</legend>
        {ROLES.map((r) => (
          <label key={r.value} className="checkbox">
            <input type="checkbox" value={r.value} {...register("roles")} /> {r.label}
          </label>
        ))}
        {formState.errors.roles ? <p className="field-error">{formState.errors.roles.message}</p> : null}
      </fieldset>
      <FormError message={formError} />
      {saved ? <p className="form-ok">Member saved.</p> : null}
      <button type="submit" disabled={formState.isSubmitting}>Save member</button>
    </form>
  );
}
