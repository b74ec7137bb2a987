import type { LabelSchema } from "@/lib/schema/label-schema";
import { z } from "./zod";

// Keys the annotator page already uses (move j/k, accept a / reject x, yes y / no n, help ?, and
// digits for stance values), so a span type can never take one of them.
export const RESERVED_HOTKEYS = ["j", "k", "?", "a", "x", "y", "n", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;

const identifier = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(40, "At most 40 characters")
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "Letters, digits and _ only, starting with a letter");

const label = z.string().trim().min(1, "A label is required").max(80, "At most 80 characters");

export const choiceValueSchema = z.object({
  value: z
    .string()
    .trim()
    .min(1, "A value is required")
    .max(60, "At most 60 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "Letters, digits, - and _ only"),
  label,
  retired: z.boolean().optional(),
});

const base = { name: identifier("An attribute name"), required: z.boolean() };

export const attributeSchema = z.discriminatedUnion("kind", [
  z.object({
    ...base,
    kind: z.literal("choice"),
    values: z
      .array(choiceValueSchema)
      .min(1, "A choice needs at least one value")
      .max(100)
      .superRefine((values, ctx) => {
        const seen = new Set<string>();
        values.forEach((v, i) => {
          const key = v.value.toLowerCase();
          if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "value"], message: `Value "${v.value}" is listed twice` });
          seen.add(key);
        });
      }),
  }),
  z.object({ ...base, kind: z.literal("stance") }),
  z.object({ ...base, kind: z.literal("entity") }),
  z.object({ ...base, kind: z.literal("span") }),
]);

const attributeList = z
  .array(attributeSchema)
  .max(30)
  .superRefine((attributes, ctx) => {
    const seen = new Set<string>();
    attributes.forEach((a, i) => {
      if (seen.has(a.name.toLowerCase())) ctx.addIssue({ code: "custom", path: [i, "name"], message: `Attribute "${a.name}" is listed twice` });
      seen.add(a.name.toLowerCase());
    });
  });

export const hotkeySchema = z
  .string()
  .refine((k) => Array.from(k).length === 1, "A hotkey is a single character")
  .refine((k) => k.trim().length === 1, "A hotkey cannot be a space")
  .refine((k) => !(RESERVED_HOTKEYS as readonly string[]).includes(k.toLowerCase()), {
    message: `Reserved by the annotator page (${RESERVED_HOTKEYS.join(" ")})`,
  });

export const spanTypeSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "A type name is required")
    .max(40, "At most 40 characters")
    .regex(/^[A-Z][A-Z0-9_]*$/, "Capital letters, digits and _ only, e.g. CLAIM"),
  label,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "A colour like #2563eb"),
  hotkey: hotkeySchema,
  attributes: attributeList,
  retired: z.boolean().optional(),
});

export const relationTypeSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "A relation type name is required")
    .max(40, "At most 40 characters")
    .regex(/^[a-z][a-z0-9-]*$/, "Lower-case letters, digits and - only, e.g. embedded-in"),
  label,
  retired: z.boolean().optional(),
});

const relationTypeListSchema = z
  .array(relationTypeSchema)
  .max(30, "At most 30 relation types")
  .superRefine((types, ctx) => {
    const seen = new Set<string>();
    types.forEach((t, i) => {
      if (seen.has(t.name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: `Relation type "${t.name}" is listed twice` });
      seen.add(t.name);
    });
  });

export const labelSchemaSchema = z
  .object({
    spanTypes: z.array(spanTypeSchema).min(1, "At least one span type").max(50, "At most 50 span types"),
    sentenceLabels: attributeList,
    stanceTargets: z
      .array(z.object({ name: z.string().trim().min(1, "A target cannot be empty").max(120, "At most 120 characters"), retired: z.boolean().optional() }))
      .max(100, "At most 100 targets"),
    relationTypes: relationTypeListSchema.optional(),
  })
  .superRefine((schema, ctx) => {
    const names = new Set<string>();
    const hotkeys = new Map<string, string>();
    schema.spanTypes.forEach((t, i) => {
      if (names.has(t.name.toLowerCase())) ctx.addIssue({ code: "custom", path: ["spanTypes", i, "name"], message: `Type "${t.name}" is listed twice` });
      names.add(t.name.toLowerCase());
      // Only active types own their key; a retired type's key may be reused.
      if (t.retired) return;
      const key = t.hotkey.toLowerCase();
      const owner = hotkeys.get(key);
      if (owner) ctx.addIssue({ code: "custom", path: ["spanTypes", i, "hotkey"], message: `Key "${t.hotkey}" is already used by ${owner}` });
      else hotkeys.set(key, t.name);
    });
    const targets = new Set<string>();
    schema.stanceTargets.forEach((t, i) => {
      if (targets.has(t.name.toLowerCase())) ctx.addIssue({ code: "custom", path: ["stanceTargets", i, "name"], message: `Target "${t.name}" is listed twice` });
      targets.add(t.name.toLowerCase());
    });
  })
  .meta({ id: "LabelSchema" });

export const updateLabelSchemaSchema = z
  .object({
    labelSchema: labelSchemaSchema,
    /** The schema version the edit started from; a newer one on the server → 409. */
    schemaVersion: z.number().int().positive().optional(),
  })
  .meta({ id: "UpdateLabelSchema" });

export type LabelSchemaInput = z.input<typeof labelSchemaSchema>;
export type UpdateLabelSchemaInput = z.input<typeof updateLabelSchemaSchema>;

// The parsed schema must stay assignable to the stored type.
export const asLabelSchema = (value: z.output<typeof labelSchemaSchema>): LabelSchema => value;
