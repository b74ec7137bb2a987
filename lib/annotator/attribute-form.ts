// The side panel's form for a span's attributes, built from the project's label schema: a zod
// schema (for react-hook-form's resolver) plus conversions between form values and API bodies.
import { z } from "@/lib/validation/zod";
import type { AttributeDefinition, LabelSchema, SpanTypeDefinition } from "@/lib/schema/label-schema";
import { coSpeakerIds } from "@/lib/speakers/speaker-list";
import { defaultStanceHolder, isStanceHolder, STANCE_HOLDERS, type StanceHolder } from "@/lib/stance/stance-holder";

export type OffsetRange = { start: number; end: number };
export type StanceEntry = { target: string; value: number; holder: StanceHolder };
/** Form values: choice → value ("" = unset), stance → list, entity → speaker ids in order ([] = none), span → range | null. */
export type AttributeValues = Record<string, string | string[] | StanceEntry[] | OffsetRange | null>;

const rangeSchema = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((r) => r.start < r.end, "The range is empty.");

export function stanceListSchema(targets: readonly string[]) {
  return z
    .array(
      z.object({
        target: z.string().refine((t) => targets.includes(t), "Pick a stance target from the project's list."),
        value: z.number().int().min(-2, "Stance runs from −2 to +2.").max(2, "Stance runs from −2 to +2."),
        holder: z.enum(STANCE_HOLDERS, { error: "Choose whose stance it is: source, author or republisher." }),
      }),
    )
    .refine((list) => new Set(list.map((s) => s.target)).size === list.length, "Each target may be rated once.");
}

function attributeSchema(def: AttributeDefinition, targets: readonly string[], keep: unknown): z.ZodType<AttributeValues[string]> {
  switch (def.kind) {
    case "choice": {
      // Retired values stay valid for an annotation that already uses them.
      const allowed = def.values.filter((v) => !v.retired || v.value === keep).map((v) => v.value);
      const message = `Choose a ${def.name}.`;
      return def.required
        ? z.string().refine((v) => allowed.includes(v), message)
        : z.string().refine((v) => v === "" || allowed.includes(v), message);
    }
    case "stance":
      return def.required ? stanceListSchema(targets).refine((l) => l.length > 0, "Add a stance.") : stanceListSchema(targets);
    case "entity": {
      // Several speakers for a joint statement; each at most once.
      const ids = z.array(z.string().min(1)).refine((l) => new Set(l).size === l.length, "Each speaker may be listed once.");
      return def.required ? ids.refine((l) => l.length > 0, `Pick a ${def.name}.`) : ids;
    }
    case "span":
      return def.required ? rangeSchema : rangeSchema.nullable();
  }
}

/** The zod schema validating a span type's attribute form; `current` keeps retired values valid. */
export function attributeFormSchema(type: SpanTypeDefinition, targets: readonly string[], current: AttributeValues = {}): z.ZodType<AttributeValues, AttributeValues> {
  const shape: Record<string, z.ZodType<AttributeValues[string]>> = {};
  for (const def of type.attributes) shape[def.name] = attributeSchema(def, targets, current[def.name]);
  return z.object(shape) as unknown as z.ZodType<AttributeValues, AttributeValues>;
}

function isRange(value: unknown): value is OffsetRange {
  return typeof value === "object" && value !== null && typeof (value as OffsetRange).start === "number" && typeof (value as OffsetRange).end === "number";
}

function isStanceList(value: unknown): value is { target: string; value: number; holder?: unknown }[] {
  return Array.isArray(value) && value.every((s) => typeof s === "object" && s !== null && typeof (s as StanceEntry).target === "string" && typeof (s as StanceEntry).value === "number");
}

/** The holder a new stance entry of this span type starts with (null: sentence labels). */
export function formDefaultHolder(type: SpanTypeDefinition | null): StanceHolder {
  return type ? defaultStanceHolder(type.name, type.attributes.some((a) => a.kind === "entity")) : defaultStanceHolder(null);
}

/** Stored stance entries as form entries; a missing holder (older data) gets the type's default. */
export function toStanceEntries(raw: unknown, fallback: StanceHolder): StanceEntry[] {
  return isStanceList(raw) ? raw.map((s) => ({ target: s.target, value: s.value, holder: isStanceHolder(s.holder) ? s.holder : fallback })) : [];
}

/** Speaker ids from an unsaved `speaker` value: one `{id}` or a list of them. */
function refIds(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return list.flatMap((r) => (typeof r === "object" && r !== null && typeof (r as { id?: unknown }).id === "string" ? [(r as { id: string }).id] : []));
}

/** Form defaults from stored attributes (speaker from the annotation's resolved speaker). */
export function toFormValues(type: SpanTypeDefinition, attributes: Record<string, unknown>, speakerId: string | null): AttributeValues {
  const values: AttributeValues = {};
  for (const def of type.attributes) {
    const raw = attributes[def.name];
    if (def.kind === "choice") values[def.name] = typeof raw === "string" ? raw : "";
    else if (def.kind === "stance") values[def.name] = toStanceEntries(raw, formDefaultHolder(type));
    else if (def.kind === "entity") {
      // A queued save still holds the list it sent; a stored one has the column and coSpeakers.
      values[def.name] = Array.isArray(raw) && raw.length > 1 ? refIds(raw) : speakerId ? [speakerId, ...coSpeakerIds(attributes)] : refIds(raw);
    } else values[def.name] = isRange(raw) ? { start: raw.start, end: raw.end } : null;
  }
  return values;
}

/** The API's `attributes` object: unset values are left out, an entity is sent as `{id}`. */
export function toApiAttributes(type: SpanTypeDefinition, values: AttributeValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of type.attributes) {
    const value = values[def.name];
    if (def.kind === "choice" && typeof value === "string" && value !== "") out[def.name] = value;
    else if (def.kind === "stance" && isStanceList(value) && value.length > 0) out[def.name] = value;
    else if (def.kind === "entity" && Array.isArray(value) && value.length > 0) out[def.name] = value.length === 1 ? { id: value[0] } : value.map((id) => ({ id }));
    else if (def.kind === "span" && isRange(value)) out[def.name] = value;
  }
  return out;
}

export function spanType(schema: LabelSchema, name: string): SpanTypeDefinition | undefined {
  return schema.spanTypes.find((t) => t.name === name);
}

/** The first entity attribute of a type (the speaker of a QUOTE), if any. */
export function entityAttribute(type: SpanTypeDefinition): string | null {
  return type.attributes.find((a) => a.kind === "entity")?.name ?? null;
}
