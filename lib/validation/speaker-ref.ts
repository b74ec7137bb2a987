import { z } from "./zod";

// A speaker in span attributes: an existing entity by id, or a name to find or create. On its own
// (not in lib/validation/annotations.ts) because the annotator page needs it without the write schemas.
export const speakerRefSchema = z
  .union([
    z.object({ id: z.string().min(1) }).strict(),
    z.object({ name: z.string().trim().min(1, "Speaker name is required").max(300), type: z.enum(["person", "organisation", "outlet", "document", "state"]).optional() }).strict(),
  ])
  .meta({ id: "SpeakerRef" });

export type SpeakerRef = z.infer<typeof speakerRefSchema>;
