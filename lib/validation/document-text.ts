import { z } from "@/lib/validation/zod";

/** `?v=` names the text's version (its SHA-256): that URL's answer never changes, so it is cached for good. */
export const documentTextQuerySchema = z.object({
  v: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "must be the text's SHA-256 as 64 lowercase hex digits")
    .optional(),
});

/**
 * A document's original text and its sentence boundaries: [index, start, end] in code points.
 * Both never change once imported (a sentence's kind can, so it is not here).
 */
export const documentTextSchema = z
  .object({
    sha256: z.string(),
    text: z.string(),
    sentences: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int()])),
  })
  .meta({ id: "DocumentText" });

export type DocumentTextDto = z.infer<typeof documentTextSchema>;
