import { z } from "./zod";

export const createCommentSchema = z
  .object({
    body: z.string().trim().min(1, "Write a comment").max(10_000),
    annotationId: z.string().trim().min(1).max(100).optional(),
    sentenceIndex: z.number().int().min(0).optional(),
    parentId: z.string().trim().min(1).max(100).optional(),
  })
  .openapi("CreateComment");

export type CreateCommentInput = z.input<typeof createCommentSchema>;
