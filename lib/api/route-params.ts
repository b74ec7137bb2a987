import { AppError } from "@/lib/errors";
import { idSchema, urlTextSchema } from "@/lib/validation/ids";
import { fieldErrorsOf } from "@/lib/validation/parse";
import { z } from "@/lib/validation/zod";

// Every path parameter and query string of /api/v1 is checked here, in apiRoute/publicRoute, before
// a handler runs: a route cannot forget it, and no hostile value reaches the database.

const positiveInteger = z.string().regex(/^\d{1,9}$/, "not a whole number");

/** Path parameters by name: `…Id` is an id; the others are listed (route-params.test.ts checks the catalog). */
export const PATH_PARAM_SCHEMAS: Readonly<Record<string, z.ZodType<string>>> = {
  index: positiveInteger,
  // A version's number ("3") or its id (both have always been accepted).
  version: z.union([positiveInteger, idSchema]),
  // Export format names ("stance-tsv") and analytics view names ("timeline"): the handler says which exist.
  format: z.string().regex(/^[a-z0-9-]{1,40}$/, "not a format name"),
  view: z.string().regex(/^[a-z0-9-]{1,40}$/, "not a view name"),
  // Dataset file names ("brat/a.ann", sent with %2F): checked raw and decoded.
  name: urlTextSchema.pipe(z.string().min(1).max(300)).refine((raw) => {
    try {
      return urlTextSchema.safeParse(decodeURIComponent(raw)).success;
    } catch {
      return false;
    }
  }, "not a valid file name"),
};

export function pathParamSchema(name: string): z.ZodType<string> {
  return name.endsWith("Id") ? idSchema : (PATH_PARAM_SCHEMAS[name] ?? urlTextSchema);
}

/** A malformed path parameter names nothing: 404, as an unknown id would. */
export function parseRouteParams(params: unknown): void {
  if (!params || typeof params !== "object") return;
  for (const [name, value] of Object.entries(params as Record<string, unknown>)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (typeof item !== "string" || !pathParamSchema(name).safeParse(item).success) {
        throw new AppError("not_found", `Not found: ${name} is malformed.`);
      }
    }
  }
}

const MAX_QUERY_PARAMETERS = 50;

/** Any query string: bounded, no control characters or invalid Unicode in names or values (400, by parameter). */
export function assertSafeQuery(url: URL): void {
  const entries = [...url.searchParams.entries()];
  const fields: Record<string, string[]> = {};
  if (entries.length > MAX_QUERY_PARAMETERS) fields._ = [`too many query parameters (at most ${MAX_QUERY_PARAMETERS})`];
  for (const [name, value] of entries.slice(0, MAX_QUERY_PARAMETERS)) {
    const nameCheck = urlTextSchema.safeParse(name);
    const valueCheck = urlTextSchema.safeParse(value);
    const field = nameCheck.success ? name : "_";
    const problem = !nameCheck.success ? `a parameter name ${nameCheck.error.issues[0]!.message}` : !valueCheck.success ? valueCheck.error.issues[0]!.message : null;
    if (problem) (fields[field] ??= []).push(problem);
  }
  const [first] = Object.entries(fields);
  if (first) throw new AppError("validation_failed", `The query string has a malformed parameter: ${first[0]} ${first[1][0]}.`, { details: { fields } });
}

/** A route's own query parameters through its zod schema (400 with per-parameter messages). */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const raw = Object.fromEntries(new URL(request.url).searchParams.entries());
  const result = schema.safeParse(raw);
  if (!result.success) {
    const fields = fieldErrorsOf(result.error);
    const [first] = Object.entries(fields);
    throw new AppError("validation_failed", first ? `${first[0]}: ${first[1][0]}` : "Invalid query parameters.", { details: { fields } });
  }
  return result.data;
}
