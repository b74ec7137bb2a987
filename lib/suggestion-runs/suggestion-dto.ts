import "server-only";
import type { SuggestionDto } from "@/lib/validation/suggestions";
import { CodePointIndex } from "@/lib/text/code-points";

/** A stored suggestion as the SQL reads it (confidence: learned, see learned-confidence.ts). */
export type SuggestionRow = {
  id: string;
  type: string;
  start: number;
  end: number;
  attributes: unknown;
  speakerName: string | null;
  entityId: string | null;
  rule: string;
  suggester: string;
  status: SuggestionDto["status"];
  confidence: number;
};

/** Row → the API/annotator shape; `text` is the code-point slice of the document's original text. */
export function toSuggestionDto(row: SuggestionRow, text: string, index: CodePointIndex = new CodePointIndex(text)): SuggestionDto {
  const end = Math.min(row.end, index.length);
  const start = Math.min(row.start, end);
  return {
    id: row.id,
    type: row.type,
    start: row.start,
    end: row.end,
    text: text.slice(index.toUtf16(start), index.toUtf16(end)),
    attributes: (row.attributes ?? {}) as Record<string, unknown>,
    speakerName: row.speakerName,
    entityId: row.entityId,
    rule: row.rule,
    suggester: row.suggester,
    status: row.status,
    confidence: Math.round(row.confidence * 1000) / 1000,
  };
}
