import crypto from "node:crypto";
import { createApiToken } from "@/lib/auth/api-tokens";
import { prisma } from "@/lib/db/prisma";
import type { DocumentState } from "@/lib/generated/prisma/enums";
import { makeDocument } from "./document-factory";
import { makeProject, makeTeam } from "./factories";

// A small corpus for the search and analytics tests: English, Russian and undetermined documents
// with emoji before the matches, boilerplate, spans in gold and two annotator layers, and a second
// project whose text matches every query (it must never appear).

type Handler = (request: Request, context: { params: Promise<{ projectId: string }> }) => Promise<Response>;

export async function callGet(handler: Handler, projectId: string, token: string, query: Record<string, string> | string) {
  const qs = typeof query === "string" ? query : new URLSearchParams(query).toString();
  const response = await handler(new Request(`http://test.local/api?${qs}`, { headers: { Authorization: `Bearer ${token}` } }), { params: Promise.resolve({ projectId }) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string; fields?: Record<string, string[]> } } };
}

export function spanOf(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join("");
}

/** Code-point offsets of the first occurrence of `needle` in `text`. */
export function codePointsOf(text: string, needle: string): { start: number; end: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...needle].length };
}

async function setDocument(id: string, data: { language?: string; source?: string; publishedAt?: Date; state?: DocumentState }) {
  await prisma().document.update({ where: { id }, data });
}

export async function makeSearchCorpus() {
  const team = await makeTeam();
  const { project, manager, annotator, annotator2, reviewer, outsider } = team;
  const en = await makeDocument(project.id, {
    title: "Lavrov on Washington",
    lines: ["🚀🎉 Lavrov criticised the United States on Monday.", "The ministers were meeting partners in Beijing.", "Share this article on social networks"],
  });
  const ru = await makeDocument(project.id, {
    title: "Лавров о США",
    lines: ["👍 Лавров раскритиковал Соединённые Штаты.", "Министры встретились с партнёрами (примечание ИноСМИ)."],
  });
  const und = await makeDocument(project.id, { title: "Undetermined", lines: ["Criticism of the U.S.% policy (a+) continued.", "Lavrov was not mentioned here."] });
  await setDocument(en.id, { source: "tass.ru", publishedAt: new Date("2026-03-10T12:00:00Z"), state: "SIGNED_OFF" });
  await setDocument(ru.id, { language: "ru", source: "inosmi.ru", publishedAt: new Date("2026-04-02T08:00:00Z") });
  await setDocument(und.id, { language: "und", source: "tass.ru", publishedAt: new Date("2026-05-20T08:00:00Z") });
  // The English document's last line is boilerplate.
  await prisma().sentence.update({ where: { documentId_index: { documentId: en.id, index: 2 } }, data: { kind: "BOILERPLATE" } });

  const lavrov = await prisma().entity.create({ data: { projectId: project.id, name: "Sergey Lavrov", type: "PERSON", aliases: ["Lavrov"] } });
  const oldName = await prisma().entity.create({ data: { projectId: project.id, name: "S. Lavrov", type: "PERSON", mergedIntoId: lavrov.id } });
  const enText = (await prisma().document.findUniqueOrThrow({ where: { id: en.id }, select: { text: true } })).text;
  const ruText = (await prisma().document.findUniqueOrThrow({ where: { id: ru.id }, select: { text: true } })).text;
  const quoteEn = codePointsOf(enText, "Lavrov criticised the United States");
  const quoteRu = codePointsOf(ruText, "Лавров раскритиковал Соединённые Штаты");
  const claimEn = codePointsOf(enText, "The ministers were meeting partners in Beijing.");
  const annotate = (data: { documentId: string; layer: "GOLD" | "ANNOTATOR"; authorId: string; type: string; start: number; end: number; attributes: object; speakerId?: string }) =>
    prisma().annotation.create({ data: { id: crypto.randomUUID(), ...data }, select: { id: true } });
  const US = "United States / the West";
  const gold = await annotate({ documentId: en.id, layer: "GOLD", authorId: reviewer.id, type: "QUOTE", ...quoteEn, speakerId: lavrov.id, attributes: { form: "direct", speaker: lavrov.id, stance: [{ target: US, value: -2 }] } });
  const mine = await annotate({ documentId: ru.id, layer: "ANNOTATOR", authorId: annotator.id, type: "QUOTE", ...quoteRu, speakerId: oldName.id, attributes: { form: "indirect", speaker: oldName.id, stance: [{ target: US, value: -1 }] } });
  const theirs = await annotate({ documentId: ru.id, layer: "ANNOTATOR", authorId: annotator2.id, type: "QUOTE", ...quoteRu, speakerId: lavrov.id, attributes: { form: "direct", speaker: lavrov.id, stance: [{ target: US, value: -2 }] } });
  const goldRu = await annotate({ documentId: ru.id, layer: "GOLD", authorId: reviewer.id, type: "CLAIM", ...codePointsOf(ruText, "Министры встретились"), attributes: { checkworthy: true, stance: [{ target: "Ukraine", value: 1 }] } });
  const claim = await annotate({ documentId: en.id, layer: "GOLD", authorId: reviewer.id, type: "CLAIM", ...claimEn, attributes: { checkworthy: true, stance: [{ target: US, value: 0 }] } });

  // Another project with the same words: must never show up.
  const other = await makeProject([{ user: outsider, roles: ["MANAGER"] }], "Other project");
  await makeDocument(other.id, { lines: ["Lavrov criticised the United States again.", "Criticism of the U.S.% policy (a+) continued."] });
  const otherSpeaker = await prisma().entity.create({ data: { projectId: other.id, name: "Someone", type: "PERSON" } });

  const tokens = Object.fromEntries(
    await Promise.all(
      Object.entries({ manager, annotator, annotator2, reviewer, outsider }).map(async ([name, user]) => [name, (await createApiToken(user.id, "t")).token] as const),
    ),
  ) as Record<"manager" | "annotator" | "annotator2" | "reviewer" | "outsider", string>;
  return { ...team, other, en, ru, und, enText, ruText, lavrov, oldName, otherSpeaker, ids: { gold, mine, theirs, goldRu, claim }, tokens, US };
}
