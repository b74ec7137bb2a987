// Client-side shapes of what the annotator page reads from /api/v1.
import type { AnnotationDto as ServerAnnotationDto } from "@/lib/annotations/annotation-dto";

export type StanceValue = { target: string; value: number };

/**
 * The server's annotation shape (lib/annotations/annotation-dto.ts), as the client holds it: the
 * covered text, origin and last change are absent while a change waits in the outbox, and
 * `pending` marks such a change.
 */
export type AnnotationDto = Omit<ServerAnnotationDto, "text" | "origin" | "updatedAt" | "speaker"> &
  Partial<Pick<ServerAnnotationDto, "text" | "origin" | "updatedAt">> & {
    speaker: { id: string; name: string; type: string } | null;
    pending?: boolean;
  };

export type { SuggestionDto } from "@/lib/validation/suggestions";

export type EntityDto = { id: string; name: string; aliases: string[]; type: string };

export type SentenceView = { index: number; start: number; end: number; kind: "content" | "boilerplate" };
