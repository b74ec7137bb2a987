import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as searchRoute from "@/app/api/v1/projects/[projectId]/search/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { prisma } from "@/lib/db/prisma";
import { SEARCH_TOTAL_CAP, searchResultSchema, type SearchResult } from "@/lib/validation/search";
import { makeDocument } from "./document-factory";
import { makeTeam } from "./factories";
import { callGet } from "./search-fixture";

// A search stops counting at SEARCH_TOTAL_CAP hits unless exactTotal=true: the total is then a
// lower bound and the facets count the hits that were counted. A corpus just over the cap.

const EXTRA = 7;
const N = SEARCH_TOTAL_CAP + EXTRA;
let projectId: string;
let token: string;

beforeAll(async () => {
  const { project, manager, reviewer } = await makeTeam();
  projectId = project.id;
  token = (await createApiToken(manager.id, "t")).token;
  const lines = Array.from({ length: N }, (_, i) => `Zebra number ${i} crossed the river.`);
  const doc = await makeDocument(project.id, { lines: [...lines, "A lonely giraffe stood still."] });
  await prisma().document.update({ where: { id: doc.id }, data: { source: "zoo.example" } });
  // A gold claim on every zebra sentence, so span facets and annotation scope exceed the cap too.
  const sentences = await prisma().sentence.findMany({ where: { documentId: doc.id, index: { lt: N } }, select: { start: true, end: true } });
  await prisma().annotation.createMany({
    data: sentences.map((s) => ({ id: crypto.randomUUID(), documentId: doc.id, layer: "GOLD" as const, authorId: reviewer.id, type: "CLAIM", start: s.start, end: s.end, attributes: { checkworthy: "yes", stance: [{ target: "Ukraine", value: 1 }] } })),
  });
}, 60_000);

const search = (query: Record<string, string>) => callGet(searchRoute.GET, projectId, token, query);
async function ok(query: Record<string, string>): Promise<SearchResult> {
  const res = await search(query);
  expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBe(200);
  return searchResultSchema.parse(res.json);
}
const sum = (list: { count: number }[]) => list.reduce((n, f) => n + f.count, 0);

describe("capped total", () => {
  it("a common word: total stops at the cap, marked as a lower bound, and facets count the counted hits", async () => {
    const res = await ok({ q: "zebra" });
    expect(res.total).toBe(SEARCH_TOTAL_CAP);
    expect(res.totalIsLowerBound).toBe(true);
    expect(res.facets.source).toEqual([{ key: "zoo.example", label: "zoo.example", count: SEARCH_TOTAL_CAP }]);
    expect(sum(res.facets.language)).toBe(SEARCH_TOTAL_CAP);
    expect(res.facets.type).toEqual([{ key: "CLAIM", label: "CLAIM", count: SEARCH_TOTAL_CAP }]);
    expect(res.hits).toHaveLength(50);
    expect(res.nextCursor).not.toBeNull();
  });

  it("exactTotal=true counts every hit and every facet", async () => {
    const res = await ok({ q: "zebra", exactTotal: "true" });
    expect(res.total).toBe(N);
    expect(res.totalIsLowerBound).toBe(false);
    expect(res.facets.source[0]!.count).toBe(N);
    expect(res.facets.type).toEqual([{ key: "CLAIM", label: "CLAIM", count: N }]);
    expect(res.facets.target).toEqual([{ key: "Ukraine", label: "Ukraine", count: N }]);
  });

  it("below the cap the total is exact", async () => {
    const res = await ok({ q: "giraffe" });
    expect(res.total).toBe(1);
    expect(res.totalIsLowerBound).toBe(false);
  });

  it("annotation scope is capped the same way", async () => {
    const capped = await ok({ scope: "annotations", type: "CLAIM" });
    expect([capped.total, capped.totalIsLowerBound]).toEqual([SEARCH_TOTAL_CAP, true]);
    expect(capped.facets.target).toEqual([{ key: "Ukraine", label: "Ukraine", count: SEARCH_TOTAL_CAP }]);
    const exact = await ok({ scope: "annotations", type: "CLAIM", exactTotal: "true" });
    expect([exact.total, exact.totalIsLowerBound]).toEqual([N, false]);
    const withText = await ok({ scope: "annotations", q: "zebra", exactTotal: "true" });
    expect(withText.total).toBe(N);
  });

  it("paging reaches every hit past the cap, and a cursor works with or without exactTotal", async () => {
    let cursor: string | null = null;
    const seen = new Set<string>();
    let pages = 0;
    do {
      const page: SearchResult = await ok({ q: "zebra", limit: "200", ...(pages % 2 ? { exactTotal: "true" } : {}), ...(cursor ? { cursor } : {}) });
      for (const h of page.hits) seen.add(`${h.documentId}:${h.sentenceIndex}`);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(seen.size).toBe(N);
  });

  it("a bad exactTotal is a 400 naming the parameter", async () => {
    const res = await search({ q: "zebra", exactTotal: "yes" });
    expect(res.status).toBe(400);
    expect(res.json.error!.code).toBe("validation_failed");
    expect(res.json.error!.fields!.exactTotal!.join(" ")).toMatch(/true or false/);
  });
});
