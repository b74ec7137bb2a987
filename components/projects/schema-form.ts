"use client";
import { get, useFormContext, type FieldErrors } from "react-hook-form";
import type { UpdateLabelSchemaInput } from "@/lib/validation/label-schema";

export type SchemaForm = UpdateLabelSchemaInput;

/** The label schema form from context, and the message at a dotted path (client or server error). */
export function useSchemaForm() {
  const form = useFormContext<SchemaForm>();
  const errorAt = (path: string): string | undefined => {
    const error = get(form.formState.errors as FieldErrors, path) as { message?: string; root?: { message?: string } } | undefined;
    return error?.message ?? error?.root?.message;
  };
  return { form, errorAt };
}
