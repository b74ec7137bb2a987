import type { AnnotationLayer, EntityType, Prisma } from "@/lib/generated/prisma/client";
import { entityTypeName } from "@/lib/entities/entity-dto";
import { gapsOf } from "@/lib/spans/span-gaps";
import { CodePointIndex } from "@/lib/text/code-points";
import type { annotationDtoSchema } from "@/lib/validation/annotations";
import type { z } from "@/lib/validation/zod";

/**
 * The one annotation shape: what the API sends (its response schema's type), what the review
 * view (lib/validation/review-view.ts), the audit log and the annotator page derive theirs from.
 */
export type AnnotationDto = z.infer<typeof annotationDtoSchema>;

/** Sentence-level labels are stored as annotations of this pseudo-type. */
export const SENTENCE_TYPE = "SENTENCE";

export const ANNOTATION_SELECT = {
  id: true,
  documentId: true,
  layer: true,
  authorId: true,
  type: true,
  start: true,
  end: true,
  gaps: true,
  sentenceIndex: true,
  attributes: true,
  origin: true,
  version: true,
  updatedAt: true,
  speaker: { select: { id: true, name: true, type: true } },
} as const;

export type AnnotationRow = {
  id: string;
  documentId: string;
  layer: AnnotationLayer;
  authorId: string;
  type: string;
  start: number | null;
  end: number | null;
  /** The stored JSON column (null when contiguous); optional for rows built by hand. */
  gaps?: unknown;
  sentenceIndex: number | null;
  attributes: unknown;
  origin: string;
  version: number;
  updatedAt: Date;
  speaker: { id: string; name: string; type: EntityType } | null;
};

// Listing a layer converts thousands of offsets against one text: index it once (O(n)), then each
// slice is a binary search, instead of a full scan of the text per annotation.
let lastText: { text: string; index: CodePointIndex } | null = null;

function sliceText(text: string, start: number, end: number): string {
  if (lastText?.text !== text) lastText = { text, index: new CodePointIndex(text) };
  const { index } = lastText;
  if (start > end) throw new RangeError(`end (${end}) is before start (${start})`);
  return text.slice(index.toUtf16(start), index.toUtf16(end));
}

export function toAnnotationDto(row: AnnotationRow, text?: string): AnnotationDto {
  const gaps = gapsOf(row.gaps);
  return {
    id: row.id,
    documentId: row.documentId,
    layer: row.layer === "GOLD" ? "gold" : "annotator",
    authorId: row.authorId,
    type: row.type,
    start: row.start,
    end: row.end,
    ...(gaps ? { gaps } : {}),
    sentenceIndex: row.sentenceIndex,
    text: text !== undefined && row.start !== null && row.end !== null ? sliceText(text, row.start, row.end) : null,
    attributes: (row.attributes ?? {}) as Record<string, unknown>,
    speaker: row.speaker ? { id: row.speaker.id, name: row.speaker.name, type: entityTypeName(row.speaker.type) } : null,
    origin: row.origin,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The DTO as stored in audit_events.before/after (it is plain JSON by construction). */
export const auditJson = (dto: AnnotationDto) => dto as unknown as Prisma.InputJsonObject;
