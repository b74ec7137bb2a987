import "server-only";
import type { Sql } from "@/lib/db/sql";
import { AppError, type FieldErrors } from "@/lib/errors";
import { resolveSpeakers } from "@/lib/entities/resolve-speakers";
import { checkGaps, type SpanRange } from "@/lib/spans/span-gaps";
import { checkSentenceLabels, checkSpanAttributes, type CheckedAttributes } from "./attribute-rules";
import type { WriteContext } from "./write-access";

function throwFieldErrors(errors: FieldErrors): never {
  const [path, messages] = Object.entries(errors)[0]!;
  throw new AppError("validation_failed", `Invalid input — ${path}: ${messages[0]}`, { details: { fields: errors } });
}

export function checkOffsets(context: WriteContext, start: number, end: number): void {
  const errors: FieldErrors = {};
  if (start >= end) errors.end = ["start must be before end"];
  if (end > context.textLength) errors.end = [`end ${end} is beyond the text (${context.textLength} code points)`];
  if (Object.keys(errors).length) throwFieldErrors(errors);
}

/** The gaps must lie strictly inside the (possibly moved) span: a 400 naming the gap otherwise. */
export function checkSpanGaps(start: number, end: number, gaps: readonly SpanRange[] | null): void {
  if (!gaps) return;
  const errors = checkGaps(start, end, gaps);
  if (Object.keys(errors).length) throwFieldErrors(errors);
}

export async function checkSentenceIndex(tx: Sql, context: WriteContext, sentenceIndex: number): Promise<void> {
  const [sentence] = await tx.query(`SELECT 1 FROM sentences WHERE document_id = $1 AND index = $2`, [context.documentId, sentenceIndex]);
  if (!sentence) throwFieldErrors({ sentenceIndex: [`The document has no sentence ${sentenceIndex}`] });
}

/** Validates attributes (or sentence labels) against the project schema and resolves the speaker. */
export async function checkAttributes(
  tx: Sql,
  context: WriteContext,
  kind: { span: string; previousType?: string } | "sentence",
  input: Record<string, unknown>,
  previous?: Record<string, unknown>,
): Promise<{ attributes: Record<string, unknown>; speakerId: string | null | undefined }> {
  const options = { textLength: context.textLength, previous };
  const checked: CheckedAttributes =
    kind === "sentence" ? checkSentenceLabels(context.schema, input, options) : checkSpanAttributes(context.schema, kind.span, input, { ...options, previousType: kind.previousType });
  if (Object.keys(checked.errors).length) throwFieldErrors(checked.errors);
  // undefined: the type has no speaker attribute, so the column is left as it is.
  if (checked.speaker === undefined) return { attributes: checked.attributes, speakerId: undefined };
  return resolveSpeakers(tx, context.projectId, checked.speakers ?? [], checked.attributes);
}
