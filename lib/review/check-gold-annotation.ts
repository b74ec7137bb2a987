import "server-only";
import { labelSchemaOf } from "@/lib/schema/label-schema-of";
import { SENTENCE_TYPE } from "@/lib/annotations/annotation-dto";
import { checkSentenceLabels, checkSpanAttributes } from "@/lib/annotations/attribute-rules";
import { prismaSql } from "@/lib/db/sql";
import { resolveSpeakers } from "@/lib/entities/resolve-speakers";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { ReviewAnnotationInput } from "@/lib/validation/review";

type DocumentFacts = { projectId: string; charCount: number; sentenceCount: number; labelSchema: unknown };

function invalid(fields: FieldErrors): AppError {
  const [path, messages] = Object.entries(fields)[0]!;
  return new AppError("validation_failed", `Invalid input — ${path}: ${messages[0]}`, { details: { fields } });
}

/**
 * Checks a reviewer-written annotation with the same schema rules as the annotator layer
 * (lib/annotations/attribute-rules.ts) and resolves its speaker. 400 fields are prefixed
 * `annotation.`, the key of the decision body.
 */
export async function checkGoldAnnotation(
  tx: Prisma.TransactionClient,
  document: DocumentFacts,
  annotation: ReviewAnnotationInput,
): Promise<{ attributes: Record<string, unknown>; speakerId: string | null }> {
  const schema = labelSchemaOf(document.labelSchema);
  const isSpan = annotation.start !== undefined && annotation.end !== undefined;
  if (isSpan && (annotation.end as number) > document.charCount) {
    throw invalid({ "annotation.end": [`must be at most ${document.charCount}, the document's length in code points`] });
  }
  if (!isSpan && annotation.sentenceIndex !== undefined && annotation.sentenceIndex >= document.sentenceCount) {
    throw invalid({ "annotation.sentenceIndex": [`the document has ${document.sentenceCount} sentences`] });
  }
  if (!isSpan && annotation.type !== SENTENCE_TYPE) throw invalid({ "annotation.type": [`sentence labels have type ${SENTENCE_TYPE}`] });

  const input = annotation.speakerId ? { ...annotation.attributes, speaker: { id: annotation.speakerId } } : annotation.attributes;
  const options = { textLength: document.charCount };
  const checked = isSpan ? checkSpanAttributes(schema, annotation.type, input, options) : checkSentenceLabels(schema, input, options);
  const errors = Object.entries(checked.errors);
  if (errors.length > 0) throw invalid(Object.fromEntries(errors.map(([path, messages]) => [`annotation.${path}`, messages])));
  return resolveSpeakers(prismaSql(tx), document.projectId, checked.speakers ?? [], checked.attributes, "annotation.speakerId");
}
