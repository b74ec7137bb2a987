"use client";
import { useRouter } from "next/navigation";
import { createProjectAction } from "@/app/projects/actions";
import { Field, FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { createProjectSchema } from "@/lib/validation/projects";

export function CreateProjectForm() {
  const router = useRouter();
  const { form, onSubmit, formError } = useServerForm(createProjectSchema, createProjectAction, {
    defaultValues: { name: "", description: "" },
    onSuccess: (project) => router.push(`/projects/${project.id}`),
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Field id="project-name" label="Name" error={formState.errors.name?.message}>
        <input id="project-name" type="text" aria-invalid={!!formState.errors.name} {...register("name")} />
      </Field>
      <Field id="project-description" label="Description" error={formState.errors.description?.message}>
        <textarea id="project-description" {...register("description")} />
      </Field>
      <FormError message={formError} />
      <button type="submit" disabled={formState.isSubmitting}>Create project</button>
    </form>
  );
}
