// Client-side shapes of what the annotator page reads from /api/v1.
export type StanceValue = { target: string; value: number };

export type AnnotationDto = {
  id: string;
  documentId: string;
  layer: "annotator" | "gold";
  authorId: string;
  type: string;
  start: number | null;
  end: number | null;
  sentenceIndex: number | null;
  attributes: Record<string, unknown>;
  speaker: { id: string; name: string; type: string } | null;
  version: number;
  /** The covered text, origin and last change as the server reports them (absent while queued). */
  text?: string | null;
  origin?: string;
  updatedAt?: string;
  /** Set locally while the change waits in the outbox. */
  pending?: boolean;
};

export type SuggestionDto = {
  id: string;
  type: string;
  start: number;
  end: number;
  text: string;
  attributes: Record<string, unknown>;
  speakerName: string | null;
  entityId: string | null;
  rule: string;
  suggester: string;
  status: "PENDING" | "ACCEPTED" | "REJECTED";
};

export type EntityDto = { id: string; name: string; aliases: string[]; type: string };

export type SentenceView = { index: number; start: number; end: number; kind: "content" | "boilerplate" };
