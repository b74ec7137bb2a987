// The annotator benchmarks' data: a bench annotator in a project with the default schema and one
// speaker, and generated documents (sentences from the demo corpus) with spans in the annotator's
// layer. Shared by bench:annotator (Chromium) and bench:annotator-server (HTTP only).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { seededRandom } from "./bench-db";

const root = path.resolve(__dirname, "..", "..");
export const PASSWORD = "bench-password-1";

export type Created = { id: string; sentences: number; spans: number };

/** One generated document: `count` sentences from the corpus pool, `spans` annotations in the annotator layer. */
export async function createDocument(ctx: { projectId: string; userId: string; speakerId: string; pool: string[] }, count: number, spanCount: number): Promise<Created> {
  const { prisma } = await import("../../lib/db/prisma");
  const random = seededRandom(count);
  const parts: string[] = [];
  const sentences: { index: number; start: number; end: number; kind: "CONTENT" | "BOILERPLATE"; text: string; language: string }[] = [];
  let offset = 0; // code points
  for (let i = 0; i < count; i++) {
    const boilerplate = i % 97 === 0;
    const sentence = boilerplate ? "Read more on our Telegram channel" : ctx.pool[Math.floor(random() * ctx.pool.length)]!;
    const length = Array.from(sentence).length;
    sentences.push({ index: i, start: offset, end: offset + length, kind: boilerplate ? "BOILERPLATE" : "CONTENT", text: sentence, language: "en" });
    parts.push(sentence);
    // Five sentences to a paragraph.
    const separator = i % 5 === 4 ? "\n\n" : " ";
    offset += length + separator.length;
    parts.push(separator);
  }
  const text = parts.join("");
  const sha = crypto.createHash("sha256").update(text).digest("hex");
  const document = await prisma().document.create({
    data: {
      projectId: ctx.projectId, title: `Bench article: ${count} sentences`, text, textSha256: sha, normalizedHash: `${sha}-${count}`,
      charCount: Array.from(text).length, sentenceCount: count, language: "en", source: "bench", createdById: ctx.userId,
    },
    select: { id: true },
  });
  for (let i = 0; i < sentences.length; i += 5000) {
    await prisma().sentence.createMany({ data: sentences.slice(i, i + 5000).map((s) => ({ ...s, documentId: document.id })) });
  }
  const assignment = await prisma().assignment.create({ data: { documentId: document.id, userId: ctx.userId, role: "ANNOTATOR", state: "IN_PROGRESS" } });
  // Spans spread over the document: every third one a quote with a claim nested inside it.
  const annotations = [];
  const step = Math.max(1, Math.floor(count / spanCount));
  for (let k = 0; k < spanCount; k++) {
    const s = sentences[Math.min(count - 1, k * step)]!;
    const base = { documentId: document.id, layer: "ANNOTATOR" as const, authorId: ctx.userId, assignmentId: assignment.id, start: s.start, end: s.end };
    if (k % 3 === 0) annotations.push({ ...base, id: crypto.randomUUID(), type: "QUOTE", attributes: { form: "direct" }, speakerId: ctx.speakerId });
    else if (k % 3 === 1) annotations.push({ ...base, id: crypto.randomUUID(), type: "CLAIM", start: s.start + 2, end: Math.max(s.start + 3, s.end - 2), attributes: { checkworthy: "yes", stance: [{ target: "Ukraine", value: -1 }] } });
    else annotations.push({ ...base, id: crypto.randomUUID(), type: "EDITORIAL", attributes: { kind: "editor-aside" } });
  }
  for (let i = 0; i < annotations.length; i += 2000) await prisma().annotation.createMany({ data: annotations.slice(i, i + 2000) });
  return { id: document.id, sentences: count, spans: spanCount };
}

/** The bench annotator, their project and one document per `[sentences, spans]` pair. */
export async function seedAnnotatorBench(sizes: [number, number][]): Promise<{ email: string; projectId: string; documents: Created[] }> {
  const { prisma } = await import("../../lib/db/prisma");
  const { hashPassword } = await import("../../lib/auth/password");
  const { defaultLabelSchema } = await import("../../lib/schema/label-schema");
  const corpusDir = path.join(root, "prisma", "seed-data");
  const pool = fs
    .readdirSync(corpusDir)
    .flatMap((f) => fs.readFileSync(path.join(corpusDir, f), "utf8").split(/(?<=[.!?])\s+|\n+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 40 && /[.!?]$/.test(s));
  const email = `bench-annotator-${Date.now()}@example.test`;
  const user = await prisma().user.create({ data: { email, name: "Bench annotator", passwordHash: await hashPassword(PASSWORD) } });
  const project = await prisma().project.create({
    data: { name: "Annotator bench", labelSchema: defaultLabelSchema(), settings: {}, memberships: { create: { userId: user.id, roles: ["ANNOTATOR"] } } },
  });
  const speaker = await prisma().entity.create({ data: { projectId: project.id, name: "Sergey Lavrov", type: "PERSON" } });
  const ctx = { projectId: project.id, userId: user.id, speakerId: speaker.id, pool };
  const documents: Created[] = [];
  for (const [sentences, spans] of sizes) documents.push(await createDocument(ctx, sentences, spans));
  return { email, projectId: project.id, documents };
}
