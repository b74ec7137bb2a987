import { OpenApiGeneratorV31, OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "@/lib/validation/zod";
import { API_OPERATIONS } from "./route-catalog";

const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
    }),
  })
  .meta({ id: "Error" });

const ERROR_STATUSES: Record<string, string> = {
  "400": "Invalid input (per-field details in error.fields)",
  "401": "Not signed in / no valid token",
  "403": "Your role does not allow this",
  "404": "Not found, or not a member of the project",
  "409": "Conflict with the current state",
  "413": "Payload too large",
  "415": "Unsupported media type",
  "429": "Too many requests",
};

let cached: object | undefined;

/** The OpenAPI 3.1 document, generated from the zod schemas in lib/validation via the catalog. */
export function openApiDocument(): object {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  for (const op of API_OPERATIONS) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const errors = Object.fromEntries(
      Object.entries(ERROR_STATUSES)
        .filter(([status]) => op.access !== "public" || !["401", "403"].includes(status))
        .map(([status, description]) => [status, { description, content: { "application/json": { schema: errorSchema } } }]),
    );
    registry.registerPath({
      method: op.method,
      path: op.path,
      summary: op.summary,
      tags: [op.tag],
      security: op.access === "public" ? [] : [{ bearer: [] }],
      request: {
        ...(params.length ? { params: z.object(Object.fromEntries(params.map((p) => [p, z.string()]))) } : {}),
        ...(op.body ? { body: { content: { [op.contentType ?? "application/json"]: { schema: op.body } } } } : {}),
      },
      responses: {
        [String(op.successStatus ?? 200)]: {
          description: "Success",
          ...(op.response ? { content: { "application/json": { schema: op.response } } } : {}),
        },
        ...errors,
      },
    });
  }
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Stancebench API",
      version: "1",
      description: "Offsets are Unicode code points, end-exclusive. Errors are {\"error\":{\"code\",\"message\"}}.",
    },
  });
  return cached;
}
