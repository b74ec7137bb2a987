import { documentStateSchema, personSchema } from "./assignment";
import { z } from "./zod";

const id = z.string().trim().min(1, "Required").max(100);

export const createAssignmentSchema = z
  .object({
    userId: id,
    role: z.enum(["annotator", "reviewer"], { message: "Role must be annotator or reviewer" }),
  })
  .meta({ id: "CreateAssignment" });

export const bulkAssignSchema = z
  .object({
    documentIds: z.array(id).min(1, "Select at least one document").max(1000),
    annotatorsPerDocument: z.coerce.number().int("Use a whole number").min(0, "Cannot be negative").max(20),
    annotatorIds: z.array(id).min(1).max(200).optional(),
    reviewerId: id.optional(),
  })
  .refine((v) => v.annotatorsPerDocument > 0 || v.reviewerId, {
    message: "Assign at least one annotator per document, or choose a reviewer",
    path: ["annotatorsPerDocument"],
  })
  .meta({ id: "BulkAssign" });

/** Optional optimistic-concurrency guard: the assignment version the caller last saw. */
export const submitAssignmentSchema = z.object({ version: z.number().int().positive().optional() }).meta({ id: "SubmitAssignment" });

export const returnAssignmentSchema = z
  .object({
    comment: z.string().trim().min(1, "Say what needs fixing").max(5000),
    version: z.number().int().positive().optional(),
  })
  .meta({ id: "ReturnAssignment" });

export const reopenDocumentSchema = z
  .object({ reason: z.string().trim().min(1, "Give a reason for reopening").max(2000) })
  .meta({ id: "ReopenDocument" });

export type BulkAssignInput = z.input<typeof bulkAssignSchema>;

// The assignment response shapes live in ./assignment (the annotator page needs them without the rest).
export { assignmentListSchema, assignmentSchema, documentStateSchema, transitionResultSchema } from "./assignment";

export const bulkAssignResultSchema = z
  .object({
    created: z.array(z.object({ documentId: z.string(), userId: z.string(), role: z.enum(["annotator", "reviewer"]) })),
    skipped: z.array(z.object({ documentId: z.string(), state: documentStateSchema })),
    alreadyCovered: z.array(z.string()),
  })
  .meta({ id: "BulkAssignResult" });

export const reopenResultSchema = z
  .object({ documentId: z.string(), state: documentStateSchema, reopenedAssignments: z.number().int() })
  .meta({ id: "ReopenResult" });

export const auditEventSchema = z
  .object({
    id: z.string(),
    action: z.string().meta({ example: "assignment.submit" }),
    actor: personSchema.nullable(),
    documentId: z.string().nullable(),
    annotationId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    createdAt: z.string(),
  })
  .meta({ id: "AuditEvent" });

export const documentHistorySchema = z.object({ events: z.array(auditEventSchema), nextBefore: z.string().nullable() }).meta({ id: "DocumentHistory" });
export const annotationHistorySchema = z.object({ annotationId: z.string(), events: z.array(auditEventSchema) }).meta({ id: "AnnotationHistory" });
