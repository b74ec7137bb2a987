import { AppError } from "@/lib/errors";
import { firstProblem } from "@/lib/validation/parse";
import { z } from "@/lib/validation/zod";

// Project settings live in one JSON column; this schema gives every key a default so older rows
// (written before a setting existed) read back complete.
export const projectSettingsSchema = z.object({
  preAcceptAgreed: z.boolean().default(true),
  membersMayDownload: z.boolean().default(false),
  license: z.string().default("CC-BY-4.0"),
  sourceDescription: z.string().default(""),
  suggesters: z
    .object({ editorial: z.boolean().default(true), quote: z.boolean().default(true), claim: z.boolean().default(true) })
    .default({ editorial: true, quote: true, claim: true }),
  /** Suggestions with a lower confidence are hidden (annotator and API); 0 shows them all. */
  suggestionThreshold: z.number().min(0).max(1).default(0),
});

export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

/**
 * A project's `settings` JSON column (or new settings being built), with defaults for keys it lacks.
 * A damaged row is a clear error naming the broken key rather than silently reset settings.
 */
export function projectSettingsOf(value: unknown): ProjectSettings {
  const parsed = projectSettingsSchema.safeParse(value ?? {});
  if (!parsed.success) {
    throw new AppError("invalid_state", `This project's stored settings are damaged (${firstProblem(parsed.error)}). An administrator must repair them.`);
  }
  return parsed.data;
}
