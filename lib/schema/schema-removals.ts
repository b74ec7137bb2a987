// What an edit of a label schema removes outright (as opposed to retiring). Pure, so the rules
// are unit-tested; lib/projects/update-label-schema.ts counts how many annotations use each.
import type { AttributeDefinition, LabelSchema } from "./label-schema";

/** `scope` is a span type name, or null for the sentence-level labels. */
export type SchemaRemoval =
  | { kind: "spanType"; type: string }
  | { kind: "attribute"; scope: string | null; attribute: string; attributeKind: AttributeDefinition["kind"] }
  | { kind: "value"; scope: string | null; attribute: string; value: string }
  | { kind: "stanceTarget"; target: string };

export function describeRemoval(r: SchemaRemoval): string {
  const where = (scope: string | null) => scope ?? "sentence labels";
  switch (r.kind) {
    case "spanType":
      return `span type ${r.type}`;
    case "attribute":
      return `attribute ${where(r.scope)}.${r.attribute}`;
    case "value":
      return `value "${r.value}" of ${where(r.scope)}.${r.attribute}`;
    case "stanceTarget":
      return `stance target "${r.target}"`;
  }
}

function attributeRemovals(scope: string | null, before: AttributeDefinition[], after: AttributeDefinition[]): SchemaRemoval[] {
  const out: SchemaRemoval[] = [];
  for (const old of before) {
    const next = after.find((a) => a.name === old.name);
    // Changing an attribute's kind makes its stored values meaningless: treated as a removal.
    if (!next || next.kind !== old.kind) {
      out.push({ kind: "attribute", scope, attribute: old.name, attributeKind: old.kind });
      continue;
    }
    if (old.kind !== "choice" || next.kind !== "choice") continue;
    const kept = new Set(next.values.map((v) => v.value));
    for (const v of old.values) if (!kept.has(v.value)) out.push({ kind: "value", scope, attribute: old.name, value: v.value });
  }
  return out;
}

export function schemaRemovals(before: LabelSchema, after: LabelSchema): SchemaRemoval[] {
  const out: SchemaRemoval[] = [];
  for (const type of before.spanTypes) {
    const next = after.spanTypes.find((t) => t.name === type.name);
    if (!next) out.push({ kind: "spanType", type: type.name });
    else out.push(...attributeRemovals(type.name, type.attributes, next.attributes));
  }
  out.push(...attributeRemovals(null, before.sentenceLabels, after.sentenceLabels));
  const targets = new Set(after.stanceTargets.map((t) => t.name));
  for (const t of before.stanceTargets) if (!targets.has(t.name)) out.push({ kind: "stanceTarget", target: t.name });
  return out;
}
