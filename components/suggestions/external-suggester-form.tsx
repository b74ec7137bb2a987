"use client";
import { useRouter } from "next/navigation";
import { addExternalSuggesterAction } from "@/app/projects/[projectId]/suggestions/actions";
import { Field, FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { externalSuggesterInputSchema } from "@/lib/validation/external-suggesters";

/** Registers a Label Studio ML-backend compatible service; the server checks where its URL points. */
export function ExternalSuggesterForm({ projectId }: { projectId: string }) {
  const router = useRouter();
  const { form, onSubmit, formError, saved } = useServerForm(externalSuggesterInputSchema, (v) => addExternalSuggesterAction(projectId, v), {
    defaultValues: { name: "", url: "", token: "" },
    onSuccess: () => {
      form.reset({ name: "", url: "", token: "" });
      router.refresh();
    },
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="external-suggester-form">
      <div className="grid-2">
        <Field id="ext-name" label="Name" hint="Its suggestions get the rule external:<name>." error={formState.errors.name?.message}>
          <input id="ext-name" type="text" aria-invalid={!!formState.errors.name} {...register("name")} />
        </Field>
        <Field id="ext-url" label="Base URL" hint="Runs POST each document to <URL>/predict." error={formState.errors.url?.message}>
          <input id="ext-url" type="url" placeholder="https://model.example.org" aria-invalid={!!formState.errors.url} {...register("url")} />
        </Field>
      </div>
      <Field id="ext-token" label="Token (optional)" hint='Sent as "Authorization: Bearer <token>"; "user:password" is sent as Basic auth.' error={formState.errors.token?.message}>
        <input id="ext-token" type="password" autoComplete="off" {...register("token")} />
      </Field>
      <FormError message={formError} />
      {saved ? <p className="form-ok">Suggester added: the next run calls it.</p> : null}
      <button type="submit" disabled={formState.isSubmitting}>Add suggester</button>
    </form>
  );
}
