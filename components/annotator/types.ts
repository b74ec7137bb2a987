// Client-side shapes of what the annotator page reads from /api/v1, derived from the API's
// response schemas.
import type { annotationDtoSchema } from "@/lib/validation/annotations";
import type { entityDtoSchema } from "@/lib/validation/entities";
import type { z } from "@/lib/validation/zod";

type ServerAnnotationDto = z.infer<typeof annotationDtoSchema>;

export type StanceValue = { target: string; value: number };

/**
 * The server's annotation shape as the client holds it: the covered text, origin and last change
 * are absent while a change waits in the outbox, and `pending` marks such a change.
 */
export type AnnotationDto = Omit<ServerAnnotationDto, "text" | "origin" | "updatedAt"> &
  Partial<Pick<ServerAnnotationDto, "text" | "origin" | "updatedAt">> & { pending?: boolean };

export type { SuggestionDto } from "@/lib/validation/suggestions";

/**
 * A speaker of the project's registry, without the usage count the speakers page shows. The type
 * is widened to a string: the page loader sends it as one.
 */
export type EntityDto = Omit<z.infer<typeof entityDtoSchema>, "annotationCount" | "type"> & { type: string };

export type SentenceView = { index: number; start: number; end: number; kind: "content" | "boilerplate" };
