import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { API_OPERATIONS } from "./route-catalog";

const API_DIR = path.join(__dirname, "..", "..", "app", "api", "v1");

/** Every (METHOD, /api/v1/path) exported by a route.ts file, with [param] folders as {param}. */
function routesOnDisk(dir = API_DIR, prefix = "/api/v1"): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const segment = entry.name.replace(/^\[(\w+)\]$/, "{$1}");
      found.push(...routesOnDisk(path.join(dir, entry.name), `${prefix}/${segment}`));
    } else if (entry.name === "route.ts") {
      const source = fs.readFileSync(path.join(dir, entry.name), "utf8");
      for (const match of source.matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)) found.push(`${match[1]} ${prefix}`);
    }
  }
  return found.sort();
}

describe("API route catalog", () => {
  it("lists exactly the operations the route files export", () => {
    const catalog = API_OPERATIONS.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort();
    expect(catalog).toEqual(routesOnDisk());
  });

  it("has no duplicate operations", () => {
    const keys = API_OPERATIONS.map((op) => `${op.method} ${op.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("generates an OpenAPI 3.1 document with every path and a body schema where one is declared", () => {
    const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toBe("3.1.0");
    for (const op of API_OPERATIONS) {
      const operation = doc.paths[op.path]?.[op.method];
      expect(operation, `${op.method} ${op.path}`).toBeDefined();
      expect(Boolean(operation?.requestBody)).toBe(Boolean(op.body));
    }
  });
});
