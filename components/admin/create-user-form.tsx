"use client";
import { useState } from "react";
import { createUserAction } from "@/app/admin/users/actions";
import { AddToProjectLinks } from "@/components/admin/add-to-project-links";
import { Field, FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { createUserSchema } from "@/lib/validation/users";

export function CreateUserForm({ projects }: { projects: { id: string; name: string }[] }) {
  const [created, setCreated] = useState<string | null>(null);
  const { form, onSubmit, formError, saved } = useServerForm(createUserSchema, createUserAction, {
    defaultValues: { email: "", name: "", password: "", isAdmin: false },
    onSuccess: (user) => {
      setCreated(user.email);
      form.reset();
    },
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Field id="new-user-name" label="Name" error={formState.errors.name?.message}>
        <input id="new-user-name" type="text" aria-invalid={!!formState.errors.name} {...register("name")} />
      </Field>
      <Field id="new-user-email" label="Email" error={formState.errors.email?.message}>
        <input id="new-user-email" type="email" aria-invalid={!!formState.errors.email} {...register("email")} />
      </Field>
      <Field id="new-user-password" label="Initial password" error={formState.errors.password?.message}>
        <input id="new-user-password" type="password" autoComplete="new-password" aria-invalid={!!formState.errors.password} {...register("password")} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" {...register("isAdmin")} /> Site administrator
      </label>
      <FormError message={formError} />
      {saved && created ? (
        <div className="form-ok" role="status">
          User {created} created. A new user sees no project until added to one.
          {projects.length ? <AddToProjectLinks email={created} projects={projects} /> : null}
        </div>
      ) : null}
      <p>
        <button type="submit" disabled={formState.isSubmitting}>Create user</button>
      </p>
    </form>
  );
}
