import crypto from "node:crypto";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import type { DocumentState } from "@/lib/generated/prisma/client";
export { errorOf } from "./error-of";

// Rows the review and agreement tests need, written with Prisma directly (assignments and the
// annotation API are other features' work).

/** "Sentence one. Sentence two. Sentence three." with one sentence row per sentence. */
export async function makeDocument(projectId: string, options: { state?: DocumentState; text?: string } = {}) {
  const text = options.text ?? "The minister said the tax cut will pay for itself. Economists disagree. The ministry declined to comment.";
  const sentences: { index: number; start: number; end: number; text: string; language: string }[] = [];
  const pattern = /[^.]+\./g;
  // Code points before each match, counted as we go (counting from 0 each time is quadratic).
  let units = 0;
  let codePoints = 0;
  for (const match of text.matchAll(pattern)) {
    const leading = match[0].length - match[0].trimStart().length;
    const at = (match.index ?? 0) + leading;
    codePoints += Array.from(text.slice(units, at)).length;
    units = at;
    const start = codePoints;
    sentences.push({ index: sentences.length, start, end: start + Array.from(match[0].trimStart()).length, text: match[0].trimStart(), language: "en" });
  }
  const hash = crypto.createHash("sha256").update(text + crypto.randomUUID()).digest("hex");
  return prisma().document.create({
    data: {
      projectId,
      title: "A test article",
      text,
      textSha256: hash,
      normalizedHash: hash,
      charCount: Array.from(text).length,
      sentenceCount: sentences.length,
      language: "en",
      state: options.state ?? "READY_FOR_REVIEW",
      sentences: { create: sentences },
    },
    select: { id: true, projectId: true, text: true },
  });
}

export async function assign(documentId: string, user: AuthenticatedUser, state: "ASSIGNED" | "IN_PROGRESS" | "SUBMITTED" = "SUBMITTED") {
  return prisma().assignment.create({ data: { documentId, userId: user.id, role: "ANNOTATOR", state }, select: { id: true } });
}

type AnnotationInput = { type: string; start?: number; end?: number; sentenceIndex?: number; attributes?: Record<string, unknown>; speakerId?: string };

export async function annotate(documentId: string, user: AuthenticatedUser, input: AnnotationInput) {
  return prisma().annotation.create({
    data: {
      id: crypto.randomUUID(),
      documentId,
      layer: "ANNOTATOR",
      authorId: user.id,
      type: input.type,
      start: input.start ?? null,
      end: input.end ?? null,
      sentenceIndex: input.sentenceIndex ?? null,
      attributes: (input.attributes ?? {}) as object,
      speakerId: input.speakerId ?? null,
    },
    select: { id: true },
  });
}

export async function makeEntity(projectId: string, name: string) {
  return prisma().entity.create({ data: { projectId, name, type: "PERSON" }, select: { id: true, name: true } });
}

