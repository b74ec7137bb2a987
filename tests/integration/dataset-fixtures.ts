import crypto from "node:crypto";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { importArticle } from "@/lib/documents/import-article";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Code-point offsets of the `nth` occurrence of `needle` in `text`. */
export function cp(text: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  }
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(needle).length };
}

export async function importDocument(projectId: string, userId: string, article: { title?: string; text: string; publishedAt?: string; tags?: string[]; language?: string }) {
  const outcome = await importArticle({ projectId, createdById: userId, article: { language: "en", ...article } });
  if (outcome.status !== "imported") throw new Error("duplicate fixture document");
  return outcome.id;
}

export async function signOff(documentId: string, reviewerId: string) {
  await prisma().document.update({ where: { id: documentId }, data: { state: "SIGNED_OFF", signedOffAt: new Date("2025-03-01T12:00:00Z"), signedOffById: reviewerId } });
}

type AnnotationInput = {
  id?: string;
  layer?: "GOLD" | "ANNOTATOR";
  authorId: string;
  type: string;
  start?: number;
  end?: number;
  sentenceIndex?: number;
  attributes?: Record<string, unknown>;
  speakerId?: string;
};

export async function addAnnotation(documentId: string, a: AnnotationInput): Promise<string> {
  const id = a.id ?? crypto.randomUUID();
  await prisma().annotation.create({
    data: {
      id,
      documentId,
      layer: a.layer ?? "GOLD",
      authorId: a.authorId,
      type: a.type,
      start: a.start ?? null,
      end: a.end ?? null,
      sentenceIndex: a.sentenceIndex ?? null,
      attributes: (a.attributes ?? {}) as Prisma.InputJsonValue,
      speakerId: a.speakerId ?? null,
    },
  });
  return id;
}

export const TEXTS = {
  emoji: "Putin 👍 said «да» to the deal.\r\nLavrov: «Санкции не работают», he told reporters 🇷🇺.\r\n(Translator's note: quotes are ours.)\r\nThe end.",
  formula: "=HYPERLINK(\"http://evil\") was typed by a reader.\n+1 more: @sum said \"prices rise\" on Monday.",
  plain: "Beijing welcomed the partnership. \"It is strong,\" the ministry said.",
};

/**
 * A project with three signed-off documents (emoji + Cyrillic + CRLF, formula-like text, plain)
 * and one still being annotated; gold spans of every type with stance, speaker, cue and speaker
 * mention, a gold sentence label, and two annotator layers for the agreement figures.
 */
export async function seedSignedOffProject(team: { project: { id: string }; manager: AuthenticatedUser; annotator: AuthenticatedUser; annotator2: AuthenticatedUser; reviewer: AuthenticatedUser }) {
  const { project, manager, annotator, annotator2, reviewer } = team;
  const lavrov = await prisma().entity.create({ data: { projectId: project.id, name: "Sergey Lavrov", type: "PERSON" } });
  const ministry = await prisma().entity.create({ data: { projectId: project.id, name: "=cmd|' /C calc'!A0", type: "ORGANISATION" } });

  const emoji = await importDocument(project.id, manager.id, { title: "Putin and «да» 👍", text: TEXTS.emoji, publishedAt: "2024-05-06T00:00:00Z", tags: ["politics"], language: "ru" });
  const t = TEXTS.emoji;
  const quote = await addAnnotation(emoji, {
    authorId: reviewer.id, type: "QUOTE", ...cp(t, "Санкции не работают"), speakerId: lavrov.id,
    attributes: { form: "direct", stance: [{ target: "Ukraine", value: -2, holder: "source" }, { target: "United States / the West", value: -1, holder: "author" }], cue: cp(t, "told"), speakerMention: cp(t, "Lavrov"), coSpeakers: [ministry.id] },
  });
  await addAnnotation(emoji, { authorId: reviewer.id, type: "CLAIM", ...cp(t, "Putin 👍 said «да» to the deal."), attributes: { checkworthy: "yes", stance: [{ target: "Russia–China partnership", value: 1, holder: "republisher" }] } });
  await addAnnotation(emoji, { authorId: reviewer.id, type: "EDITORIAL", ...cp(t, "(Translator's note: quotes are ours.)"), attributes: { kind: "translation-note" } });
  await addAnnotation(emoji, { authorId: reviewer.id, type: "SENTENCE", sentenceIndex: 0, attributes: { checkworthy: "yes", stance: [{ target: "Ukraine", value: 0, holder: "author" }] } });
  for (const [who, form] of [[annotator, "direct"], [annotator2, "indirect"]] as const) {
    await prisma().assignment.create({ data: { documentId: emoji, userId: who.id, role: "ANNOTATOR", state: "SUBMITTED" } });
    await addAnnotation(emoji, { layer: "ANNOTATOR", authorId: who.id, type: "QUOTE", ...cp(t, "Санкции не работают"), speakerId: lavrov.id, attributes: { form, stance: [{ target: "Ukraine", value: -2, holder: "source" }], ...(form === "indirect" ? { coSpeakers: [ministry.id] } : {}) } });
    await addAnnotation(emoji, { layer: "ANNOTATOR", authorId: who.id, type: "SENTENCE", sentenceIndex: 0, attributes: { checkworthy: "yes" } });
  }
  await signOff(emoji, reviewer.id);

  const formula = await importDocument(project.id, manager.id, { title: '=HYPERLINK("http://evil")', text: TEXTS.formula, publishedAt: "2024-06-01T00:00:00Z" });
  const f = TEXTS.formula;
  await addAnnotation(formula, { authorId: reviewer.id, type: "CLAIM", ...cp(f, '=HYPERLINK("http://evil") was typed by a reader.'), attributes: { checkworthy: "no" } });
  await addAnnotation(formula, { authorId: reviewer.id, type: "QUOTE", ...cp(f, "prices rise"), speakerId: ministry.id, attributes: { form: "direct", speakerMention: cp(f, "@sum") } });
  await signOff(formula, reviewer.id);

  const plain = await importDocument(project.id, manager.id, { title: "Plain", text: TEXTS.plain, publishedAt: "2024-07-01T00:00:00Z", tags: ["economy"] });
  await addAnnotation(plain, { authorId: reviewer.id, type: "QUOTE", ...cp(TEXTS.plain, "It is strong,"), attributes: { form: "direct", stance: [{ target: "Russia–China partnership", value: 2, holder: "source" }] } });
  await signOff(plain, reviewer.id);

  const draft = await importDocument(project.id, manager.id, { title: "Not yet signed off", text: "Still being annotated. Nobody signed it off." });
  await addAnnotation(draft, { authorId: reviewer.id, type: "CLAIM", start: 0, end: 5 });

  return { emoji, formula, plain, draft, quote, lavrov: lavrov.id };
}
