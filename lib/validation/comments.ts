import { z } from "./zod";

export const createCommentSchema = z
  .object({
    body: z.string().trim().min(1, "Write a comment").max(10_000),
    annotationId: z.string().trim().min(1).max(100).optional(),
    sentenceIndex: z.number().int().min(0).optional(),
    parentId: z.string().trim().min(1).max(100).optional(),
  })
  .meta({ id: "CreateComment" });

export type CreateCommentInput = z.input<typeof createCommentSchema>;

const person = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const commentSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    annotationId: z.string().nullable(),
    sentenceIndex: z.number().int().nullable(),
    parentId: z.string().nullable(),
    author: person.nullable(),
    body: z.string().meta({ description: "Plain text as typed; render it as text, never as HTML" }),
    mentions: z.array(person),
    resolvedAt: z.string().nullable(),
    resolvedBy: person.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Comment" });

export const commentListSchema = z.object({ comments: z.array(commentSchema) }).meta({ id: "CommentList" });
