import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { LabelSchema } from "@/lib/schema/label-schema";
import type { ReviewAnnotationInput } from "@/lib/validation/review";

type DocumentFacts = { projectId: string; charCount: number; sentenceCount: number; labelSchema: unknown };

const invalid = (field: string, message: string) =>
  new AppError("validation_failed", `Invalid input — annotation.${field}: ${message}`, { details: { fields: { [`annotation.${field}`]: [message] } } });

/** Checks a reviewer-written annotation against the document and schema (400 with the field). */
export async function checkGoldAnnotation(tx: Prisma.TransactionClient, document: DocumentFacts, annotation: ReviewAnnotationInput): Promise<void> {
  if (annotation.start !== undefined && annotation.end !== undefined) {
    if (annotation.end > document.charCount) throw invalid("end", `must be at most ${document.charCount}, the document's length in code points`);
    const schema = document.labelSchema as LabelSchema;
    const types = schema.spanTypes.filter((t) => !t.retired).map((t) => t.name);
    if (!types.includes(annotation.type)) throw invalid("type", `must be one of ${types.join(", ")}`);
  } else if (annotation.sentenceIndex !== undefined && annotation.sentenceIndex >= document.sentenceCount) {
    throw invalid("sentenceIndex", `the document has ${document.sentenceCount} sentences`);
  }
  if (annotation.speakerId) {
    const entity = await tx.entity.findFirst({ where: { id: annotation.speakerId, projectId: document.projectId }, select: { id: true } });
    if (!entity) throw invalid("speakerId", "is not a speaker of this project");
  }
}
