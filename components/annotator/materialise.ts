// How a queued change looks on screen before the server has answered, and the API body that
// recreates a given annotation (for undo/redo and conflict re-apply).
import type { AnnotationBody } from "@/lib/annotator/outbox";
import { gapsOf } from "@/lib/spans/span-gaps";
import type { AnnotationDto, EntityDto } from "./types";

export const SENTENCE_LABELS_TYPE = "SENTENCE";

type Speaker = AnnotationDto["speaker"];

function speakerOf(attributes: Record<string, unknown>, entities: ReadonlyMap<string, EntityDto>, previous: Speaker): Speaker {
  // Several speakers: the first is the annotation's speaker, as on the server.
  const ref: unknown = Array.isArray(attributes.speaker) ? attributes.speaker[0] : attributes.speaker;
  if (typeof ref !== "object" || ref === null) return null;
  const { id, name } = ref as { id?: unknown; name?: unknown };
  if (typeof id === "string") {
    const entity = entities.get(id);
    if (entity) return { id: entity.id, name: entity.name, type: entity.type };
    return previous?.id === id ? previous : { id, name: "(unknown speaker)", type: "person" };
  }
  // A speaker named but not yet created (accepted suggestion): the server resolves it.
  return typeof name === "string" ? { id: "", name, type: "person" } : null;
}

export function materialiseWith(documentId: string, entities: () => ReadonlyMap<string, EntityDto>) {
  return (id: string, body: AnnotationBody, previous: AnnotationDto | undefined): AnnotationDto => {
    const isSentence = typeof body.sentenceIndex === "number";
    const attributes = ((isSentence ? body.labels : body.attributes) ?? {}) as Record<string, unknown>;
    // A body without `gaps` keeps the span's gaps, as a PATCH without them does on the server.
    const gaps = isSentence ? null : "gaps" in body ? gapsOf(body.gaps) : (previous?.gaps ?? null);
    return {
      id,
      documentId,
      layer: "annotator",
      authorId: previous?.authorId ?? "",
      type: isSentence ? (previous?.type ?? SENTENCE_LABELS_TYPE) : String(body.type ?? previous?.type ?? ""),
      start: isSentence ? null : (body.start as number),
      end: isSentence ? null : (body.end as number),
      ...(gaps ? { gaps } : {}),
      sentenceIndex: isSentence ? (body.sentenceIndex as number) : null,
      attributes,
      speaker: isSentence ? null : speakerOf(attributes, entities(), previous?.speaker ?? null),
      version: previous?.version ?? 0,
    };
  };
}

/** The POST/PATCH body that makes the server's copy equal to `a`. */
export function bodyOf(a: AnnotationDto): AnnotationBody {
  if (a.sentenceIndex !== null) return { sentenceIndex: a.sentenceIndex, labels: a.attributes };
  const attributes = { ...a.attributes };
  if (a.speaker?.id) attributes.speaker = { id: a.speaker.id };
  // gaps: null clears them, so undoing a cut makes the span contiguous again.
  return { type: a.type, start: a.start, end: a.end, gaps: a.gaps ?? null, attributes };
}

export const isSpan = (a: AnnotationDto): a is AnnotationDto & { start: number; end: number } => a.start !== null && a.end !== null;
