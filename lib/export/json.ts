import { ExportError } from "./types";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Validates a free-form value (attributes, meta, schema, filter) as JSON and returns a copy
 * with object keys sorted, so the same data always serialises to the same bytes however the
 * database happened to order the keys. Throws instead of letting JSON.stringify silently drop
 * `undefined`, turn NaN into null, or crash on BigInt.
 */
export function canonicalJson(value: unknown, path = "$"): JsonValue {
  return canon(value, path, new Set());
}

function canon(value: unknown, path: string, ancestors: Set<object>): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ExportError(`${path}: number ${String(value)} is not valid JSON`);
    return Object.is(value, -0) ? 0 : value;
  }
  if (typeof value !== "object") throw new ExportError(`${path}: ${typeof value} is not valid JSON`);
  if (ancestors.has(value)) throw new ExportError(`${path}: circular reference`);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item, i) => canon(item, `${path}[${i}]`, ancestors));
    if (!isPlainObject(value)) throw new ExportError(`${path}: only plain objects are valid JSON`);
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value).sort()) out[key] = canon(value[key], `${path}.${key}`, ancestors);
    return out;
  } finally {
    ancestors.delete(value);
  }
}

/** One JSON Lines record; JSON.stringify never emits raw LF, so the record stays on one line. */
export function jsonLine(value: JsonValue): string {
  return JSON.stringify(value) + "\n";
}

/** Pretty JSON file body with a trailing LF. */
export function jsonFile(value: JsonValue): string {
  return JSON.stringify(value, null, 2) + "\n";
}
