import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/change-annotation";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { prisma } from "@/lib/db/prisma";
import { createEntity, listEntities, mergeEntity, updateEntity } from "@/lib/entities/entities";
import { importArticle } from "@/lib/documents/import-article";
import { AppError } from "@/lib/errors";
import { makeTeam } from "./factories";
import { errorOf } from "./error-of";

// Emoji and Cyrillic before the quote, so code-point offsets differ from UTF-16 indexes.
const TEXT =
  "Встреча 🤝 in Moscow.\r\nThe expert noted: “Russia and China are partners.” [I want] more.\r\nSergey Lavrov said the West is worried.";
const QUOTE = "“Russia and China are partners.”";
const cp = (needle: string) => {
  const unitIndex = TEXT.indexOf(needle);
  const start = [...TEXT.slice(0, unitIndex)].length;
  return { start, end: start + [...needle].length };
};

let team: Awaited<ReturnType<typeof makeTeam>>;
let documentId: string;
let otherDocumentId: string;

beforeAll(async () => {
  team = await makeTeam();
  const imported = await importArticle({ projectId: team.project.id, createdById: team.manager.id, article: { title: "Talks", text: TEXT } });
  const other = await importArticle({ projectId: team.project.id, createdById: team.manager.id, article: { title: "Other", text: "Another article. Unassigned." } });
  if (imported.status !== "imported" || other.status !== "imported") throw new Error("import failed");
  documentId = imported.id;
  otherDocumentId = other.id;
  await prisma().assignment.createMany({
    data: [
      { documentId, userId: team.annotator.id, role: "ANNOTATOR" },
      { documentId, userId: team.annotator2.id, role: "ANNOTATOR" },
    ],
  });
});

const quoteInput = (overrides: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  type: "QUOTE",
  ...cp(QUOTE),
  attributes: { form: "direct", speaker: { name: "Ivan Expert" }, cue: cp("noted"), stance: [{ target: "Russia–China partnership", value: 2 }] },
  ...overrides,
});

describe("creating annotations", () => {
  it("stores a quote with code-point offsets, creates the speaker inline, starts the assignment and audits it", async () => {
    const input = quoteInput();
    const { annotation, created } = await createAnnotation(team.annotator, documentId, input);
    expect(created).toBe(true);
    expect(annotation.text).toBe(QUOTE);
    expect(annotation.speaker).toMatchObject({ name: "Ivan Expert", type: "person" });
    expect(annotation.attributes).toEqual({ form: "direct", cue: cp("noted"), stance: [{ target: "Russia–China partnership", value: 2, holder: "source" }] });
    const assignment = await prisma().assignment.findFirstOrThrow({ where: { documentId, userId: team.annotator.id } });
    expect(assignment.state).toBe("IN_PROGRESS");
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { annotationId: input.id } });
    expect(audit.action).toBe("annotation.create");
    expect((audit.after as { text: string }).text).toBe(QUOTE);
  });

  it("a retried create with the same id returns the first annotation instead of duplicating it", async () => {
    const input = quoteInput();
    const first = await createAnnotation(team.annotator, documentId, input);
    const again = await createAnnotation(team.annotator, documentId, input);
    expect(again.created).toBe(false);
    expect(again.annotation.id).toBe(first.annotation.id);
    expect(await prisma().annotation.count({ where: { id: input.id } })).toBe(1);
  });

  it("nests an editorial insertion inside a quote and reuses an existing speaker by name, case-insensitively", async () => {
    const editorial = await createAnnotation(team.annotator, documentId, { type: "EDITORIAL", ...cp("[I want]"), attributes: { kind: "editor-aside" } });
    expect(editorial.annotation.text).toBe("[I want]");
    const second = await createAnnotation(team.annotator, documentId, quoteInput({ attributes: { form: "indirect", speaker: { name: "ivan expert" } } }));
    const first = (await listAnnotations(team.annotator, documentId, "mine")).items.find((a) => a.speaker?.name === "Ivan Expert");
    expect(second.annotation.speaker?.id).toBe(first?.speaker?.id);
  });

  it("stores sentence-level labels once per sentence", async () => {
    const { annotation } = await createAnnotation(team.annotator, documentId, { sentenceIndex: 1, labels: { checkworthy: "yes", stance: [{ target: "Ukraine", value: 0 }] } });
    expect(annotation).toMatchObject({ type: "SENTENCE", sentenceIndex: 1, start: null, attributes: { checkworthy: "yes" } });
    const again = await errorOf(createAnnotation(team.annotator, documentId, { sentenceIndex: 1, labels: { checkworthy: "no" } }));
    expect(again.status).toBe(409);
    expect((again.details?.current as { id: string }).id).toBe(annotation.id);
  });

  it.each([
    [{ type: "CLAIM", start: -1, end: 4, attributes: { checkworthy: "yes" } }, "start", /cannot be negative/],
    [{ type: "CLAIM", start: 0, end: 100000, attributes: { checkworthy: "yes" } }, "end", /beyond the text/],
    [{ type: "CLAIM", start: 5, end: 5, attributes: { checkworthy: "yes" } }, "end", /start must be before end/],
    [{ type: "CLAIM", start: 0.5, end: 4, attributes: { checkworthy: "yes" } }, "start", /whole numbers/],
    [{ type: "RUMOUR", start: 0, end: 4, attributes: {} }, "type", /Unknown type "RUMOUR"/],
    [{ type: "CLAIM", start: 0, end: 4, attributes: { checkworthy: "perhaps" } }, "attributes.checkworthy", /Unknown value/],
    [{ type: "QUOTE", start: 0, end: 4, attributes: { form: "direct" } }, "attributes.speaker", /speaker is required/],
    [{ type: "CLAIM", start: 0, end: 4, attributes: { checkworthy: "yes", stance: [{ target: "Mars", value: 1 }] } }, "attributes.stance.0.target", /not a stance target/],
    [{ sentenceIndex: 99, labels: { checkworthy: "yes" } }, "sentenceIndex", /no sentence 99/],
  ])("refuses bad input %j with a 400 naming the field", async (input, field, message) => {
    const before = await prisma().annotation.count({ where: { documentId } });
    const error = await errorOf(createAnnotation(team.annotator, documentId, input));
    expect(error.status).toBe(400);
    const fields = error.details?.fields as Record<string, string[]>;
    expect(fields[field]?.join(" ")).toMatch(message);
    expect(await prisma().annotation.count({ where: { documentId } })).toBe(before);
  });

  it("enforces who may write: non-member 404, other roles 403, unassigned 403, submitted 409, signed off 409", async () => {
    const span = { type: "CLAIM", start: 0, end: 7, attributes: { checkworthy: "yes" } };
    expect((await errorOf(createAnnotation(team.outsider, documentId, span))).status).toBe(404);
    expect((await errorOf(createAnnotation(team.reviewer, documentId, span))).status).toBe(403);
    expect((await errorOf(createAnnotation(team.manager, documentId, span))).status).toBe(403);
    const unassigned = await errorOf(createAnnotation(team.annotator, otherDocumentId, span));
    expect(unassigned.status).toBe(403);
    expect(unassigned.message).toMatch(/not assigned to you/);

    await prisma().assignment.updateMany({ where: { documentId, userId: team.annotator2.id }, data: { state: "SUBMITTED" } });
    const submitted = await errorOf(createAnnotation(team.annotator2, documentId, span));
    expect(submitted.status).toBe(409);
    expect(submitted.message).toMatch(/submitted/);
    await prisma().assignment.updateMany({ where: { documentId, userId: team.annotator2.id }, data: { state: "IN_PROGRESS" } });

    await prisma().document.update({ where: { id: documentId }, data: { state: "SIGNED_OFF" } });
    try {
      expect((await errorOf(createAnnotation(team.annotator, documentId, span))).status).toBe(409);
    } finally {
      await prisma().document.update({ where: { id: documentId }, data: { state: "ANNOTATING" } });
    }
  });
});

describe("updating and deleting", () => {
  it("updates with the current version, refuses a stale one with the current state and changes nothing", async () => {
    const { annotation } = await createAnnotation(team.annotator, documentId, { type: "CLAIM", ...cp("Sergey Lavrov said the West is worried."), attributes: { checkworthy: "no" } });
    const updated = await updateAnnotation(team.annotator, annotation.id, { version: 1, attributes: { checkworthy: "yes", stance: [{ target: "United States / the West", value: -1 }] } });
    expect(updated.version).toBe(2);
    expect(updated.attributes.checkworthy).toBe("yes");

    const stale = await errorOf(updateAnnotation(team.annotator, annotation.id, { version: 1, attributes: { checkworthy: "no" } }));
    expect(stale.status).toBe(409);
    expect(stale.code).toBe("stale_version");
    expect(stale.details?.current).toMatchObject({ version: 2, attributes: { checkworthy: "yes" } });
    const stored = await prisma().annotation.findUniqueOrThrow({ where: { id: annotation.id } });
    expect(stored.attributes).toMatchObject({ checkworthy: "yes" });

    const moved = await updateAnnotation(team.annotator, annotation.id, { version: 2, ...cp("Sergey Lavrov") });
    expect(moved.text).toBe("Sergey Lavrov");
    const audits = await prisma().auditEvent.findMany({ where: { annotationId: annotation.id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["annotation.create", "annotation.update", "annotation.update"]);
    expect((audits[2]!.before as { text: string }).text).toBe("Sergey Lavrov said the West is worried.");
  });

  it("two concurrent updates of the same version: exactly one wins, the other gets 409", async () => {
    const { annotation } = await createAnnotation(team.annotator, documentId, { type: "CLAIM", ...cp("in Moscow"), attributes: { checkworthy: "no" } });
    const results = await Promise.allSettled([
      updateAnnotation(team.annotator, annotation.id, { version: 1, attributes: { checkworthy: "yes" } }),
      updateAnnotation(team.annotator, annotation.id, { version: 1, attributes: { checkworthy: "no", stance: [{ target: "Ukraine", value: 1 }] } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).status).toBe(409);
    expect((await prisma().annotation.findUniqueOrThrow({ where: { id: annotation.id } })).version).toBe(2);
  });

  it("keeps layers apart: another annotator cannot change, delete or read my layer", async () => {
    const { annotation } = await createAnnotation(team.annotator, documentId, { type: "CLAIM", ...cp("Moscow"), attributes: { checkworthy: "no" } });
    expect((await errorOf(updateAnnotation(team.annotator2, annotation.id, { version: 1, attributes: { checkworthy: "yes" } }))).status).toBe(403);
    expect((await errorOf(deleteAnnotation(team.annotator2, annotation.id, { version: 1 }))).status).toBe(403);
    expect((await errorOf(listAnnotations(team.annotator2, documentId, `user:${team.annotator.id}`))).status).toBe(403);
    const asReviewer = await listAnnotations(team.reviewer, documentId, `user:${team.annotator.id}`);
    expect(asReviewer.items.map((a) => a.id)).toContain(annotation.id);
    expect((await listAnnotations(team.annotator2, documentId, "mine")).items.map((a) => a.id)).not.toContain(annotation.id);
    expect((await errorOf(listAnnotations(team.annotator, documentId, "everyone"))).status).toBe(400);
    expect((await errorOf(updateAnnotation(team.annotator, "no-such-annotation", { version: 1 }))).status).toBe(404);
  });

  it("deletes with the current version only", async () => {
    const { annotation } = await createAnnotation(team.annotator, documentId, { type: "CLAIM", ...cp("Встреча"), attributes: { checkworthy: "no" } });
    expect(annotation.text).toBe("Встреча");
    expect((await errorOf(deleteAnnotation(team.annotator, annotation.id, { version: 7 }))).status).toBe(409);
    expect((await errorOf(deleteAnnotation(team.annotator, annotation.id, {}))).status).toBe(400);
    await deleteAnnotation(team.annotator, annotation.id, { version: 1 });
    expect(await prisma().annotation.findUnique({ where: { id: annotation.id } })).toBeNull();
    expect((await prisma().auditEvent.findFirstOrThrow({ where: { annotationId: annotation.id, action: "annotation.delete" } })).before).toMatchObject({ text: "Встреча" });
  });
  it("a sentence label undone and redone keeps its id: delete, then create again with the same id", async () => {
    const id = crypto.randomUUID();
    const labels = { checkworthy: "yes" };
    const first = await createAnnotation(team.annotator, documentId, { id, sentenceIndex: 2, labels });
    expect(first).toMatchObject({ created: true, annotation: { version: 1 } });
    // What the client sent before it followed its own saved versions: the pending view's 0.
    expect((await errorOf(deleteAnnotation(team.annotator, id, { version: 0 }))).status).toBe(400);
    await deleteAnnotation(team.annotator, id, { version: 1 });
    const again = await createAnnotation(team.annotator, documentId, { id, sentenceIndex: 2, labels });
    expect(again).toMatchObject({ created: true, annotation: { id, version: 1, attributes: labels } });
    // A retry of that create returns it; another id for the same sentence is a conflict showing it.
    expect(await createAnnotation(team.annotator, documentId, { id, sentenceIndex: 2, labels })).toMatchObject({ created: false, annotation: { id } });
    const other = await errorOf(createAnnotation(team.annotator, documentId, { id: crypto.randomUUID(), sentenceIndex: 2, labels }));
    expect(other.status).toBe(409);
    expect((other.details?.current as { id: string }).id).toBe(id);
  });
});

describe("entities", () => {
  it("creates, refuses duplicates and aliases clashes, renames, and merges re-pointing annotations", async () => {
    const lukashenko = await createEntity(team.annotator, team.project.id, { name: "Alexander Lukashenko", type: "person" });
    const dup = await errorOf(createEntity(team.annotator, team.project.id, { name: "alexander lukashenko" }));
    expect(dup.status).toBe(409);
    expect(dup.details?.existingId).toBe(lukashenko.id);
    // Not '"X" already exists as "X"': the message names the speaker once, and the error carries it.
    expect(dup.message).toBe('"Alexander Lukashenko" is already in the speaker registry.');
    expect(dup.details?.existing).toMatchObject({ id: lukashenko.id, name: "Alexander Lukashenko" });
    expect((await errorOf(createEntity(team.annotator, team.project.id, { name: "" }))).status).toBe(400);
    expect((await errorOf(createEntity(team.annotator, team.project.id, { name: "X", type: "planet" }))).status).toBe(400);

    const lukashenka = await createEntity(team.annotator, team.project.id, { name: "Lukashenka" });
    const { annotation } = await createAnnotation(team.annotator, documentId, quoteInput({ attributes: { form: "direct", speaker: { id: lukashenka.id } } }));
    expect(annotation.speaker?.name).toBe("Lukashenka");

    expect((await errorOf(mergeEntity(team.annotator, team.project.id, lukashenka.id, { into: lukashenko.id }))).status).toBe(403);
    expect((await errorOf(mergeEntity(team.manager, team.project.id, lukashenka.id, { into: lukashenka.id }))).status).toBe(400);
    const merged = await mergeEntity(team.manager, team.project.id, lukashenka.id, { into: lukashenko.id });
    expect(merged.repointedAnnotations).toBe(1);
    expect(merged.entity.aliases).toContain("Lukashenka");
    const after = await prisma().annotation.findUniqueOrThrow({ where: { id: annotation.id } });
    expect(after.speakerId).toBe(lukashenko.id);
    expect((await listEntities(team.annotator, team.project.id)).map((e) => e.name)).not.toContain("Lukashenka");
    expect((await errorOf(mergeEntity(team.manager, team.project.id, lukashenka.id, { into: lukashenko.id }))).status).toBe(409);

    // The old id and the alias both still resolve to the kept entity.
    const viaOldId = await createAnnotation(team.annotator, documentId, quoteInput({ attributes: { form: "direct", speaker: { id: lukashenka.id } } }));
    expect(viaOldId.annotation.speaker?.id).toBe(lukashenko.id);
    const viaAlias = await createAnnotation(team.annotator, documentId, quoteInput({ attributes: { form: "direct", speaker: { name: "Lukashenka" } } }));
    expect(viaAlias.annotation.speaker?.id).toBe(lukashenko.id);

    const renamed = await updateEntity(team.manager, team.project.id, lukashenko.id, { name: "Aliaksandr Lukashenka" });
    expect(renamed.name).toBe("Aliaksandr Lukashenka");
    expect((await errorOf(updateEntity(team.annotator, team.project.id, lukashenko.id, { name: "Y" }))).status).toBe(403);
    expect((await errorOf(listEntities(team.outsider, team.project.id))).status).toBe(404);
  });
});
