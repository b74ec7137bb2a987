/**
 * Canonical JSON for comparing attribute values: object keys sorted, and `stance` lists sorted
 * by target, because the order in which an annotator added stance targets carries no meaning.
 */
export function canonicalJson(value: unknown, attributeName: string | null = null): string {
  return JSON.stringify(normalise(value, attributeName)) ?? "undefined";
}

function normalise(value: unknown, key: string | null): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => normalise(item, null));
    if (key === "stance") return items.map((item) => JSON.stringify(item)).sort().map((item) => JSON.parse(item) as unknown);
    return items;
  }
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(record).sort()) {
      if (record[k] !== undefined) sorted[k] = normalise(record[k], k);
    }
    return sorted;
  }
  return value;
}

/** Attribute names whose values are not all deep-equal across the given attribute records. */
export function differingAttributes(records: ReadonlyArray<Record<string, unknown>>): string[] {
  const names = new Set<string>();
  for (const record of records) for (const [name, value] of Object.entries(record)) if (value !== undefined) names.add(name);
  return [...names]
    .filter((name) => new Set(records.map((record) => canonicalJson(record[name], name))).size > 1)
    .sort();
}
