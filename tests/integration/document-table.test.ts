import { describe, expect, it } from "vitest";
import { inSlices } from "@/lib/db/in-slices";
import { prisma } from "@/lib/db/prisma";
import { listDocumentTable } from "@/lib/documents/document-table";
import { documentTableQuerySchema } from "@/lib/validation/document-table";
import { makeTeam } from "./factories";
import { annotate, errorOf, makeDocument } from "./review-factories";

const query = (q: Record<string, unknown> = {}) => documentTableQuerySchema.parse(q);

describe("the documents table", () => {
  it("searches, sorts by each stored column and pages 10,000 documents in the database", { timeout: 180_000 }, async () => {
    const { project, manager, outsider } = await makeTeam();
    const base = Date.UTC(2026, 0, 1);
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      projectId: project.id, title: `Article ${String(i).padStart(5, "0")}${i === 4321 ? " about Beijing" : ""}`, text: `Text ${i}.`,
      textSha256: `t${i}`, normalizedHash: `n${i}`, charCount: 8, sentenceCount: i % 7, language: i % 2 ? "en" : "ru",
      source: i % 3 === 0 ? null : `source-${i % 3}`, createdAt: new Date(base + i * 1000),
    }));
    await inSlices(rows, (slice) => prisma().document.createMany({ data: slice }));

    const first = await listDocumentTable(manager, project.id, query());
    expect(first).toMatchObject({ total: 10_000, page: 1, pages: 200 });
    expect(first.items).toHaveLength(50);
    expect(first.items[0]!.title).toBe("Article 00000"); // by import date, oldest first

    const last = await listDocumentTable(manager, project.id, query({ page: "200" }));
    expect(last.items.at(-1)!.title).toBe("Article 09999");
    // Past the end shows the last page rather than nothing.
    expect((await listDocumentTable(manager, project.id, query({ page: "999" }))).page).toBe(200);

    expect((await listDocumentTable(manager, project.id, query({ sort: "title", dir: "desc" }))).items[0]!.title).toBe("Article 09999");
    expect((await listDocumentTable(manager, project.id, query({ sort: "sentences", dir: "desc" }))).items[0]!.sentenceCount).toBe(6);
    expect((await listDocumentTable(manager, project.id, query({ sort: "imported", dir: "desc" }))).items[0]!.title).toBe("Article 09999");
    expect((await listDocumentTable(manager, project.id, query({ sort: "language" }))).items[0]!.language).toBe("en");
    const bySource = await listDocumentTable(manager, project.id, query({ sort: "source", page: "200" }));
    expect(bySource.items.at(-1)!.source).toBeNull(); // documents without a source sort last

    const found = await listDocumentTable(manager, project.id, query({ q: "beijing" }));
    expect(found.total).toBe(1);
    expect(found.items[0]!.title).toBe("Article 04321 about Beijing");
    expect((await listDocumentTable(manager, project.id, query({ q: "SOURCE-2" }))).total).toBe(3333);

    // Bad parameters fall back to defaults; outsiders see nothing.
    expect(query({ sort: "password", dir: "sideways", page: "-3", state: "nope" })).toEqual({ q: "", sort: "imported", dir: "asc", page: 1, state: null });
    expect((await errorOf(listDocumentTable(outsider, project.id, query()))).status).toBe(404);
  });

  it("shows each document's share of content sentences labelled by any annotator", { timeout: 120_000 }, async () => {
    const { project, manager, annotator, annotator2 } = await makeTeam();
    const doc = await makeDocument(project.id); // three sentences: [0,50), [51,71), [72,105)
    await annotate(doc.id, annotator, { type: "CLAIM", start: 10, end: 20 });
    await annotate(doc.id, annotator2, { type: "SENTENCE", sentenceIndex: 2, attributes: { checkworthy: "no" } });
    const { items } = await listDocumentTable(manager, project.id, query());
    expect(items[0]).toMatchObject({ id: doc.id, labelled: 2, contentSentences: 3 });
  });
});
