import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { annotateMatches, undoAnnotateMatches } from "@/lib/search/annotate-matches";
import { readPassage } from "@/lib/search/read-passage";
import { deleteSavedSearch, listSavedSearches, saveSearch } from "@/lib/search/saved-searches";
import { searchCorpus } from "@/lib/search/search-corpus";
import { errorOf } from "./document-factory";
import { makeSearchCorpus, spanOf } from "./search-fixture";

describe("annotate matches", () => {
  it("creates the span type on selected matches in the caller's assigned documents only, audited, and undoes it", async () => {
    const c = await makeSearchCorpus();
    await prisma().assignment.create({ data: { documentId: c.und.id, userId: c.annotator.id, role: "ANNOTATOR" } });
    const found = await searchCorpus(c.annotator, c.project.id, { q: "criticism OR Lavrov" });
    const matches = found.hits.map((h) => ({ documentId: h.documentId, start: h.start, end: h.end }));
    expect(matches.length).toBe(3); // en (signed off, not assigned) and two sentences of und

    const outcomes = await annotateMatches(c.annotator, c.project.id, { type: "CLAIM", attributes: { checkworthy: "yes" }, matches });
    const made = outcomes.filter((o) => o.annotationId);
    expect(made.map((o) => o.documentId)).toEqual([c.und.id, c.und.id]);
    expect(outcomes.find((o) => o.documentId === c.en.id)?.error).toMatch(/signed off|not assigned/);
    const undText = (await prisma().document.findUniqueOrThrow({ where: { id: c.und.id } })).text;
    const rows = await prisma().annotation.findMany({ where: { id: { in: made.map((o) => o.annotationId!) } } });
    expect(rows.every((r) => r.layer === "ANNOTATOR" && r.authorId === c.annotator.id && r.type === "CLAIM")).toBe(true);
    expect(rows.map((r) => spanOf(undText, r.start!, r.end!)).sort()).toEqual(["Criticism", "Lavrov"]);
    expect(await prisma().auditEvent.count({ where: { annotationId: { in: made.map((o) => o.annotationId!) }, action: "annotation.create" } })).toBe(2);

    const undo = await undoAnnotateMatches(c.annotator, c.project.id, { annotations: made.map((o) => ({ id: o.annotationId!, version: o.version! })) });
    expect(undo).toEqual({ undone: 2, errors: [] });
    expect(await prisma().annotation.count({ where: { id: { in: made.map((o) => o.annotationId!) } } })).toBe(0);
    expect(await prisma().auditEvent.count({ where: { annotationId: { in: made.map((o) => o.annotationId!) }, action: "annotation.delete" } })).toBe(2);
  });

  it("refuses reviewers, other projects' documents and bad input", async () => {
    const c = await makeSearchCorpus();
    expect((await errorOf(annotateMatches(c.reviewer, c.project.id, { type: "CLAIM", matches: [{ documentId: c.und.id, start: 0, end: 3 }] }))).code).toBe("forbidden");
    expect((await errorOf(annotateMatches(c.annotator, c.project.id, { type: "CLAIM", matches: [] }))).message).toMatch(/at least one/);
    expect((await errorOf(annotateMatches(c.annotator, c.project.id, { type: "CLAIM", matches: [{ documentId: c.und.id, start: 5, end: 5 }] }))).code).toBe("validation_failed");
    const other = await prisma().document.findFirstOrThrow({ where: { projectId: c.other.id } });
    const [outcome] = await annotateMatches(c.annotator, c.project.id, { type: "CLAIM", matches: [{ documentId: other.id, start: 0, end: 6 }] });
    expect(outcome!.error).toMatch(/not in the project/);
  });
});

describe("saved searches and the reader", () => {
  it("saves, lists and deletes per project; validates names; members only", async () => {
    const c = await makeSearchCorpus();
    const saved = await saveSearch(c.annotator, c.project.id, { name: "Lavrov quotes", query: "q=Lavrov&type=QUOTE" });
    expect((await listSavedSearches(c.manager, c.project.id)).map((s) => [s.name, s.mine])).toEqual([["Lavrov quotes", false]]);
    expect((await errorOf(saveSearch(c.annotator, c.project.id, { name: " ", query: "q=x" }))).message).toMatch(/name/);
    expect((await errorOf(listSavedSearches(c.outsider, c.project.id))).code).toBe("not_found");
    expect((await errorOf(deleteSavedSearch(c.annotator2, c.project.id, saved.id))).code).toBe("forbidden");
    await deleteSavedSearch(c.manager, c.project.id, saved.id);
    expect(await listSavedSearches(c.annotator, c.project.id)).toEqual([]);
  });

  it("the reader returns the sentences around a match with its code-point offsets", async () => {
    const c = await makeSearchCorpus();
    const [hit] = (await searchCorpus(c.manager, c.project.id, { q: "Monday" })).hits;
    const passage = await readPassage(c.manager, hit!.documentId, { start: hit!.start, end: hit!.end });
    expect(passage.match).toEqual({ start: hit!.start, end: hit!.end });
    const sentence = passage.sentences.find((s) => s.index === hit!.sentenceIndex)!;
    expect(spanOf(sentence.text, hit!.start - sentence.start, hit!.end - sentence.start)).toBe("Monday");
    expect((await errorOf(readPassage(c.outsider, hit!.documentId, {}))).code).toBe("not_found");
  });
});
