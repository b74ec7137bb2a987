import { describe, expect, it } from "vitest";
// JSON Schema conversion is not part of the browser-facing `z` (lib/validation/zod-api.ts).
// eslint-disable-next-line no-restricted-imports
import { toJSONSchema } from "zod";
import { openApiDocument } from "./openapi";
import { API_OPERATIONS } from "./route-catalog";

type Doc = { components: { schemas: Record<string, { properties?: Record<string, unknown> }> }; paths: unknown };

/** Every `description` string anywhere under `value`. */
function descriptions(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) descriptions(item, found);
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "description" && typeof item === "string") found.add(item);
      descriptions(item, found);
    }
  }
  return found;
}

// zod's own JSON Schema of each operation's body and response is the reference: it reads the same
// `.meta({ id, description })` the generator should, so a name or description the generator fails to
// pick up (or a schema it repeats inline instead of referring to) shows up as a difference.
function zodView() {
  const names = new Set<string>(["Error"]);
  const texts = new Set<string>();
  for (const op of API_OPERATIONS) {
    for (const [schema, io] of [[op.body, "input"], [op.response, "output"]] as const) {
      if (!schema) continue;
      const json = toJSONSchema(schema, { io, unrepresentable: "any" }) as { $defs?: Record<string, unknown> };
      for (const name of Object.keys(json.$defs ?? {})) names.add(name);
      const id = schema.meta()?.id;
      if (typeof id === "string") names.add(id);
      descriptions(json, texts);
    }
  }
  return { names, texts };
}

describe("OpenAPI document", () => {
  const doc = openApiDocument() as Doc;
  const { names, texts } = zodView();

  it("has a named component for every schema with a .meta id that an operation uses, and no others", () => {
    expect(names.size).toBeGreaterThan(90);
    expect(Object.keys(doc.components.schemas).sort()).toEqual([...names].sort());
  });

  it("keeps every description given with .meta", () => {
    expect(texts.size).toBeGreaterThan(20);
    const inDocument = descriptions(doc.paths, descriptions(doc.components));
    expect([...texts].filter((text) => !inDocument.has(text))).toEqual([]);
  });

  it("refers to a named schema used through an intersection or a null union instead of repeating it", () => {
    const tokenBody = (doc.paths as Record<string, Record<string, { requestBody: unknown }>>)["/api/v1/auth/token"]!.post!.requestBody;
    expect(JSON.stringify(tokenBody)).toContain('"$ref":"#/components/schemas/SignIn"');
    expect(JSON.stringify(doc.components.schemas.DatasetVersionDetail)).toContain('"$ref":"#/components/schemas/DatasetVersion"');
    expect(doc.components.schemas.AgreementOverview!.properties!.result).toEqual({
      anyOf: [{ $ref: "#/components/schemas/AgreementReport" }, { type: "null" }],
      description: "The last computed report; null before the first run finishes",
    });
  });
});
