"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * react-hook-form wired to a shared zod schema (client-side validation) and to a server action
 * (server-side validation with the same schema): server field errors land next to their fields.
 */
export function useServerForm<S extends z.ZodType<FieldValues, FieldValues>, R>(
  schema: S,
  action: (values: z.output<S>) => Promise<ActionResult<R>>,
  options: { defaultValues?: DefaultValues<z.input<S>>; onSuccess?: (data: R) => void } = {},
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: options.defaultValues,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    const result = await action(values);
    if (result.ok) {
      setSaved(true);
      options.onSuccess?.(result.data);
      return;
    }
    let placed = false;
    for (const [field, messages] of Object.entries(result.fields ?? {})) {
      if (field !== "_" && messages[0]) {
        form.setError(field as Path<z.input<S>>, { type: "server", message: messages[0] });
        placed = true;
      }
    }
    if (!placed || result.code !== "validation_failed") setFormError(result.message);
  });

  return { form, onSubmit, formError, saved };
}
