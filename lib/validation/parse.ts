import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** Field path → messages, the shape forms and API clients read (`error.details.fields`). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** The first problem of a failed parse, as "path: message" (a stored JSON row that does not read). */
export function firstProblem(error: z.ZodError): string {
  const [path, messages] = Object.entries(fieldErrorsOf(error))[0] ?? ["_", ["invalid"]];
  return `${path === "_" ? "" : `${path}: `}${messages[0]}`;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fields = fieldErrorsOf(result.error);
    const first = Object.entries(fields)[0];
    const summary = first ? `${first[0] === "_" ? "" : `${first[0]}: `}${first[1][0]}` : "Invalid input";
    throw new AppError("validation_failed", `Invalid input — ${summary}`, { details: { fields } });
  }
  return result.data;
}
