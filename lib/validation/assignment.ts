import { z } from "./zod";

// An assignment as the API returns it. Apart from the workflow's other shapes (lib/validation/workflow.ts)
// because the annotator page checks its submit answer with transitionResultSchema and should not build the rest.
export const personSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
const assignmentStateSchema = z.enum(["ASSIGNED", "IN_PROGRESS", "SUBMITTED"]);
export const documentStateSchema = z.enum(["ANNOTATING", "READY_FOR_REVIEW", "IN_REVIEW", "SIGNED_OFF"]);

export const assignmentSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    userId: z.string(),
    user: personSchema,
    role: z.enum(["annotator", "reviewer"]),
    state: assignmentStateSchema,
    returnComment: z.string().nullable(),
    submittedAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Assignment" });

export const assignmentListSchema = z.object({ assignments: z.array(assignmentSchema) }).meta({ id: "AssignmentList" });

export const transitionResultSchema = z.object({ assignment: assignmentSchema, documentState: documentStateSchema }).meta({ id: "AssignmentTransition" });
