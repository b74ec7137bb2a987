import { describe, expect, it } from "vitest";
import { assemblePage } from "@/lib/annotator/assemble-page";
import { loadDocumentText } from "@/lib/annotator/document-text";
import { loadAnnotatorPage } from "@/lib/annotator/load-annotator-page";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { prisma } from "@/lib/db/prisma";
import { importJsonArticles } from "@/lib/documents/import-files";
import { makeTeam } from "./factories";
import { errorOf } from "./error-of";

async function setup() {
  const team = await makeTeam();
  const text = "Headline 😀\n\nLavrov said the talks were useful. Another sentence.\n\nfoto";
  const [result] = await importJsonArticles({ projectId: team.project.id, userId: team.manager.id }, { title: "Doc", text });
  const documentId = result!.id!;
  return { ...team, documentId, text };
}

describe("loadAnnotatorPage", () => {
  it("gives an assigned annotator the text, sentence rows, schema, targets, entities and a writable layer", async () => {
    const { annotator, project, documentId, text } = await setup();
    const assignment = await prisma().assignment.create({ data: { documentId, userId: annotator.id, role: "ANNOTATOR" } });
    await prisma().entity.createMany({ data: [
      { projectId: project.id, name: "Sergey Lavrov", type: "PERSON" },
      { projectId: project.id, name: "Old name", type: "PERSON" },
    ] });
    const lavrov = await prisma().entity.findFirstOrThrow({ where: { name: "Sergey Lavrov" } });
    await prisma().entity.update({ where: { projectId_name: { projectId: project.id, name: "Old name" } }, data: { mergedIntoId: lavrov.id } });

    const shell = await loadAnnotatorPage(annotator, documentId);
    // The text comes apart from the page, from a URL named by its hash; the two assemble into the page data.
    expect(shell.textUrl).toBe(`/api/v1/documents/${documentId}/text?v=${shell.document.textSha256}`);
    expect(JSON.stringify(shell)).not.toContain("Lavrov said");
    const content = await loadDocumentText(annotator, documentId);
    expect(content.sha256).toBe(shell.document.textSha256);
    const page = assemblePage(shell, content);
    expect(page.document.text).toBe(text);
    expect(page.sentences[0]).toEqual({ index: 0, start: 0, end: 10, boilerplate: false, pos: 0 });
    expect(page.sentences.at(-1)!.boilerplate).toBe(true);
    expect(page.sentences.at(-1)!.pos).toBe(page.sentences.length - 1);
    expect(shell.boilerplate).toEqual([page.sentences.at(-1)!.index]);
    const codePoints = [...text];
    expect(codePoints.slice(page.sentences[1]!.start, page.sentences[1]!.end).join("")).toBe("Lavrov said the talks were useful.");
    expect(page.schema.spanTypes.map((t) => t.hotkey)).toEqual(["c", "q", "e"]);
    expect(page.stanceTargets.length).toBeGreaterThan(0);
    expect(page.entities).toEqual([{ id: lavrov.id, name: "Sergey Lavrov", aliases: [], type: "person" }]);
    expect(page.assignment).toEqual({ id: assignment.id, state: "ASSIGNED" });
    expect(page.readOnlyReason).toBeNull();
    expect(page.canCreateEntities).toBe(true);
    expect(page.layers).toEqual([{ value: "mine", label: "My layer" }]);
  });

  it("an annotator without an assignment, or with a submitted one, reads only", async () => {
    const { annotator, annotator2, documentId } = await setup();
    expect((await loadAnnotatorPage(annotator, documentId)).readOnlyReason).toMatch(/not assigned to you/);
    await prisma().assignment.create({ data: { documentId, userId: annotator2.id, role: "ANNOTATOR", state: "SUBMITTED" } });
    expect((await loadAnnotatorPage(annotator2, documentId)).readOnlyReason).toMatch(/You submitted this document/);
  });

  it("a signed-off document is read-only even for its annotator", async () => {
    const { annotator, documentId } = await setup();
    await prisma().assignment.create({ data: { documentId, userId: annotator.id, role: "ANNOTATOR", state: "IN_PROGRESS" } });
    await prisma().document.update({ where: { id: documentId }, data: { state: "SIGNED_OFF" } });
    expect((await loadAnnotatorPage(annotator, documentId)).readOnlyReason).toMatch(/signed off/);
  });

  it("reviewers and managers see it read-only, with the gold and each annotator's layer to open; outsiders and unknown documents get 404", async () => {
    const { reviewer, manager, outsider, annotator, documentId } = await setup();
    await prisma().assignment.create({ data: { documentId, userId: annotator.id, role: "ANNOTATOR", state: "IN_PROGRESS" } });
    const asReviewer = await loadAnnotatorPage(reviewer, documentId);
    expect(asReviewer.readOnlyReason).toMatch(/not an annotator/);
    expect(asReviewer.assignment).toBeNull();
    expect(asReviewer.layers).toEqual([
      { value: "mine", label: "My layer" },
      { value: "gold", label: "Gold layer" },
      { value: `user:${annotator.id}`, label: "Annotator (in progress)" },
    ]);
    expect((await loadAnnotatorPage(annotator, documentId)).layers.map((l) => l.value)).toEqual(["mine"]);
    expect((await loadAnnotatorPage(manager, documentId)).readOnlyReason).toMatch(/not an annotator/);
    expect((await errorOf(loadAnnotatorPage(outsider, documentId))).code).toBe("not_found");
    expect((await errorOf(loadAnnotatorPage(manager, "no-such-document"))).code).toBe("not_found");
  });

  it("carries the layer it shows: the caller's own by default, another's only for those who may read it, spans without their text", async () => {
    const { annotator, annotator2, reviewer, documentId } = await setup();
    const mine = await prisma().assignment.create({ data: { documentId, userId: annotator.id, role: "ANNOTATOR", state: "IN_PROGRESS" } });
    const theirs = await prisma().assignment.create({ data: { documentId, userId: annotator2.id, role: "ANNOTATOR", state: "IN_PROGRESS" } });
    const span = { documentId, layer: "ANNOTATOR" as const, type: "CLAIM", start: 12, end: 46, attributes: { checkworthy: "yes" } };
    await prisma().annotation.create({ data: { ...span, id: crypto.randomUUID(), authorId: annotator.id, assignmentId: mine.id } });
    await prisma().annotation.create({ data: { ...span, id: crypto.randomUUID(), start: 47, end: 64, authorId: annotator2.id, assignmentId: theirs.id } });

    const own = await loadAnnotatorPage(annotator, documentId);
    expect(own.layer).toBe("mine");
    expect(own.annotations).toHaveLength(1);
    // The layer's author is said once; the assembled page has the API's shape again.
    expect(own.layerOwner).toEqual({ layer: "annotator", authorId: annotator.id });
    expect(own.annotations[0]).not.toHaveProperty("authorId");
    const assembled = assemblePage(own, await loadDocumentText(annotator, documentId));
    expect(assembled.annotations[0]).toMatchObject({ documentId, layer: "annotator", authorId: annotator.id, start: 12, end: 46, text: null, attributes: { checkworthy: "yes" }, version: 1 });
    expect(own.renderId).not.toBe((await loadAnnotatorPage(annotator, documentId)).renderId);

    // An annotator asking for a colleague's layer gets their own (annotators stay independent).
    const sneaky = await loadAnnotatorPage(annotator, documentId, `user:${annotator2.id}`);
    expect(sneaky.layer).toBe("mine");
    expect(sneaky.layerOwner.authorId).toBe(annotator.id);
    expect(sneaky.annotations.map((a) => a.start)).toEqual([12]);
    // Unknown layer names fall back too.
    expect((await loadAnnotatorPage(annotator, documentId, "everything")).layer).toBe("mine");

    const review = await loadAnnotatorPage(reviewer, documentId, `user:${annotator2.id}`);
    expect(review.layer).toBe(`user:${annotator2.id}`);
    expect(review.layerOwner.authorId).toBe(annotator2.id);
    expect(review.annotations.map((a) => a.start)).toEqual([47]);
    expect((await loadAnnotatorPage(reviewer, documentId, "gold")).annotations).toEqual([]);
  });

  it("reads the caller's layer in one statement exactly as the API lists it: order, speakers, gaps, sentence labels, nulls", async () => {
    const { annotator, annotator2, reviewer, project, documentId } = await setup();
    const mine = await prisma().assignment.create({ data: { documentId, userId: annotator.id, role: "ANNOTATOR", state: "IN_PROGRESS" } });
    await prisma().assignment.create({ data: { documentId, userId: annotator2.id, role: "ANNOTATOR", state: "SUBMITTED", createdAt: new Date(Date.now() + 1000) } });
    const [zed, abe] = await Promise.all([
      prisma().entity.create({ data: { projectId: project.id, name: "Zed Outlet", type: "OUTLET", aliases: ["ZO"] } }),
      prisma().entity.create({ data: { projectId: project.id, name: "Abe Speaker", type: "PERSON" } }),
    ]);
    const base = { documentId, layer: "ANNOTATOR" as const, authorId: annotator.id, assignmentId: mine.id };
    // Inserted out of order; two share a start, so the sentence index and then the id decide.
    await prisma().annotation.createMany({ data: [
      { ...base, id: "b-span", type: "QUOTE", start: 12, end: 46, speakerId: abe.id, attributes: { form: "direct" }, origin: "suggestion:cue", version: 3 },
      { ...base, id: "a-span", type: "CLAIM", start: 12, end: 46, gaps: [{ start: 20, end: 25 }], attributes: { stance: [{ target: "Ukraine", value: -1 }] } },
      { ...base, id: "c-label", type: "SENTENCE", start: null, end: null, sentenceIndex: 1, attributes: { topic: "talks" } },
      { ...base, id: "d-early", type: "EDITORIAL", start: 0, end: 8, speakerId: zed.id },
      { ...base, id: "e-theirs", type: "CLAIM", start: 1, end: 5, authorId: annotator2.id },
    ] });

    const shell = await loadAnnotatorPage(annotator, documentId, undefined, project.id);
    const api = await listAnnotations(annotator, documentId, "mine");
    const assembled = assemblePage(shell, await loadDocumentText(annotator, documentId));
    const withoutTextAndTime = ({ text: _t, updatedAt: _u, ...rest }: (typeof api.items)[number]) => rest;
    expect(assembled.annotations.map((a) => a.id)).toEqual(["d-early", "a-span", "b-span", "c-label"]);
    expect(assembled.annotations.map(({ text: _t, updatedAt: _u, ...rest }) => rest)).toEqual(api.items.map(withoutTextAndTime));
    expect(shell.entities).toEqual([
      { id: abe.id, name: "Abe Speaker", aliases: [], type: "person" },
      { id: zed.id, name: "Zed Outlet", aliases: ["ZO"], type: "outlet" },
    ]);
    // Assignments in the order they were made, with their annotators' names.
    expect((await loadAnnotatorPage(reviewer, documentId, undefined, project.id)).layers.slice(2).map((l) => l.label)).toEqual(["Annotator (in progress)", "Annotator 2 (submitted)"]);
  });

  it("read through the project in the URL (as the page does): the document must be in it and the caller a member of it", async () => {
    const { annotator, outsider, project, documentId } = await setup();
    const other = await makeTeam();
    // A member of another project cannot reach this document by putting it under their own project.
    expect((await errorOf(loadAnnotatorPage(other.manager, documentId, undefined, other.project.id))).code).toBe("not_found");
    expect((await errorOf(loadAnnotatorPage(annotator, documentId, undefined, other.project.id))).code).toBe("not_found");
    expect((await errorOf(loadAnnotatorPage(outsider, documentId, undefined, project.id))).code).toBe("not_found");
    expect((await errorOf(loadAnnotatorPage(annotator, "no-such-document", undefined, project.id))).code).toBe("not_found");
    const shell = await loadAnnotatorPage(annotator, documentId, undefined, project.id);
    expect(shell.document).toMatchObject({ id: documentId, projectId: project.id });
    expect(shell.layer).toBe("mine");
  });
});
