"use client";
import { changePasswordAction } from "@/app/account/actions";
import { Field, FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { changePasswordSchema } from "@/lib/validation/auth";

export function ChangePasswordForm() {
  const { form, onSubmit, formError, saved } = useServerForm(changePasswordSchema, changePasswordAction, {
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    onSuccess: () => form.reset(),
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Field id="current-password" label="Current password" error={formState.errors.currentPassword?.message}>
        <input id="current-password" type="password" autoComplete="current-password" aria-invalid={!!formState.errors.currentPassword} {...register("currentPassword")} />
      </Field>
      <Field id="new-password" label="New password" error={formState.errors.newPassword?.message}>
        <input id="new-password" type="password" autoComplete="new-password" aria-invalid={!!formState.errors.newPassword} {...register("newPassword")} />
      </Field>
      <Field id="confirm-password" label="Repeat new password" error={formState.errors.confirmPassword?.message}>
        <input id="confirm-password" type="password" autoComplete="new-password" aria-invalid={!!formState.errors.confirmPassword} {...register("confirmPassword")} />
      </Field>
      <FormError message={formError} />
      {saved ? <p className="form-ok">Password changed.</p> : null}
      <button type="submit" disabled={formState.isSubmitting}>Change password</button>
    </form>
  );
}
