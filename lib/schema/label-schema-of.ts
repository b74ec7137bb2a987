import { AppError } from "@/lib/errors";
import { firstProblem } from "@/lib/validation/parse";
import { attributeSchema, relationTypeSchema, spanTypeSchema } from "@/lib/validation/label-schema";
import { z } from "@/lib/validation/zod";
import type { LabelSchema } from "./label-schema";

// What a stored label schema must look like: the editing schema's shapes, minus the rules that may
// tighten over time (reserved hotkeys, cross-item duplicates), so a row saved under older rules
// still reads.
const storedLabelSchema = z.object({
  spanTypes: z.array(spanTypeSchema.extend({ hotkey: z.string().min(1) })).min(1),
  sentenceLabels: z.array(attributeSchema),
  stanceTargets: z.array(z.object({ name: z.string().min(1), retired: z.boolean().optional() })),
  relationTypes: z.array(relationTypeSchema).optional(),
});

// The parsed value must stay assignable to the type the app uses.
const asLabelSchema = (value: z.output<typeof storedLabelSchema>): LabelSchema => value;

/**
 * A project's `label_schema` JSON column, checked and normalised. A damaged row (hand-edited,
 * half-migrated) is a clear error naming the first broken field, not a crash deep in a renderer.
 */
export function labelSchemaOf(json: unknown): LabelSchema {
  const parsed = storedLabelSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError("invalid_state", `This project's stored label schema is damaged (${firstProblem(parsed.error)}). An administrator must repair it.`);
  }
  return asLabelSchema(parsed.data);
}
