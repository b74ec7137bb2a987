import { z } from "./zod";

const id = z.string().trim().min(1, "Required").max(100);

export const createAssignmentSchema = z
  .object({
    userId: id,
    role: z.enum(["annotator", "reviewer"], { message: "Role must be annotator or reviewer" }),
  })
  .openapi("CreateAssignment");

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
  .openapi("BulkAssign");

/** Optional optimistic-concurrency guard: the assignment version the caller last saw. */
export const submitAssignmentSchema = z.object({ version: z.number().int().positive().optional() }).openapi("SubmitAssignment");

export const returnAssignmentSchema = z
  .object({
    comment: z.string().trim().min(1, "Say what needs fixing").max(5000),
    version: z.number().int().positive().optional(),
  })
  .openapi("ReturnAssignment");

export const reopenDocumentSchema = z
  .object({ reason: z.string().trim().min(1, "Give a reason for reopening").max(2000) })
  .openapi("ReopenDocument");

export type BulkAssignInput = z.input<typeof bulkAssignSchema>;
