"use client";
import { reopenDocumentAction } from "@/app/projects/[projectId]/workflow-actions";
import { Field, FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { reopenDocumentSchema } from "@/lib/validation/workflow";

/** Manager form: reopen a signed-off document; the reason goes into the audit trail. */
export function ReopenDocumentForm({ projectId, documentId }: { projectId: string; documentId: string }) {
  const { form, onSubmit, formError } = useServerForm(reopenDocumentSchema, (v) => reopenDocumentAction(projectId, documentId, v), {
    defaultValues: { reason: "" },
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="reopen-document">
      <Field id="reopen-reason" label="Reason for reopening" error={formState.errors.reason?.message} hint="Every assignment goes back to in progress.">
        <textarea id="reopen-reason" aria-invalid={!!formState.errors.reason} {...register("reason")} />
      </Field>
      <FormError message={formError} />
      <button type="submit" className="danger" disabled={formState.isSubmitting}>Reopen document</button>
    </form>
  );
}
