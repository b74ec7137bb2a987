"use client";
import { createAssignmentAction } from "@/app/projects/[projectId]/workflow-actions";
import { Field, FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { createAssignmentSchema } from "@/lib/validation/workflow";

export type MemberOption = { id: string; name: string; email: string; roles: string[] };

/** Manager form: assign one member as annotator or reviewer; the server checks the member holds the role. */
export function AddAssignmentForm({ projectId, documentId, members }: { projectId: string; documentId: string; members: MemberOption[] }) {
  const { form, onSubmit, formError, saved } = useServerForm(createAssignmentSchema, (v) => createAssignmentAction(projectId, documentId, v), {
    defaultValues: { userId: "", role: "annotator" },
  });
  const { register, formState, watch } = form;
  const role = watch("role");
  const eligible = members.filter((m) => m.roles.includes(role === "reviewer" ? "REVIEWER" : "ANNOTATOR"));
  return (
    <form onSubmit={onSubmit} noValidate data-testid="add-assignment">
      <div className="row fields" style={{ alignItems: "flex-start" }}>
        <Field id="assign-role" label="Role" error={formState.errors.role?.message}>
          <select id="assign-role" {...register("role")}>
            <option value="annotator">Annotator</option>
            <option value="reviewer">Reviewer</option>
          </select>
        </Field>
        <Field id="assign-user" label="Member" error={formState.errors.userId?.message}>
          <select id="assign-user" aria-invalid={!!formState.errors.userId} {...register("userId")}>
            <option value="">Choose…</option>
            {eligible.map((m) => (
              <option key={m.id} value={m.id}>{m.name} ({m.email})</option>
            ))}
          </select>
        </Field>
      </div>
      {eligible.length === 0 ? <p className="hint">No member holds the {role} role; add one on the Members tab.</p> : null}
      <FormError message={formError} />
      {saved ? <p className="form-ok">Assigned.</p> : null}
      <button type="submit" disabled={formState.isSubmitting}>Assign</button>
    </form>
  );
}
