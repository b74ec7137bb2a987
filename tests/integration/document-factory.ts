import crypto from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import type { DocumentState } from "@/lib/generated/prisma/enums";
export { errorOf } from "./error-of";

/** A document with one sentence per line, inserted directly (the import path has its own tests). */
export async function makeDocument(projectId: string, options: { title?: string; lines?: string[]; state?: DocumentState } = {}) {
  const lines = options.lines ?? ["Moscow and Beijing are partners.", "The minister said so on Monday.", "Editor's note: translated."];
  const text = lines.join("\n");
  let start = 0;
  const sentences = lines.map((line, index) => {
    const length = Array.from(line).length;
    const s = { index, start, end: start + length, text: line, language: "en" };
    start += length + 1;
    return s;
  });
  const hash = crypto.createHash("sha256").update(`${text}${crypto.randomUUID()}`).digest("hex");
  return prisma().document.create({
    data: {
      projectId,
      title: options.title ?? "Test article",
      text,
      textSha256: hash,
      normalizedHash: hash,
      charCount: Array.from(text).length,
      sentenceCount: sentences.length,
      language: "en",
      state: options.state ?? "ANNOTATING",
      sentences: { create: sentences },
    },
    select: { id: true, projectId: true, title: true },
  });
}

