import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { closePgPools } from "@/lib/db/pg-pool";
import { prisma } from "@/lib/db/prisma";
import { importUploadedFile } from "@/lib/documents/import-files";
import { jsonLine } from "@/lib/export/json";
import { prepareDocument } from "@/lib/export/prepare";
import type { ExportDocument } from "@/lib/export/types";
import { nativeRecord } from "@/lib/formats/native/jsonl";
import { makeTeam } from "./factories";

afterAll(async () => {
  await closePgPools();
});

// A query sent to a pg client still busy with another one is queued on it; pg 8 warns and pg 9
// refuses it. Inside an interactive transaction that happens when Prisma splits a createMany past
// PostgreSQL's 65,535 bind parameters and runs the statements concurrently on the one connection.
let queuedBehindAnother = 0;
const query = pg.Client.prototype.query;
beforeEach(() => {
  queuedBehindAnother = 0;
  pg.Client.prototype.query = function (this: pg.Client & { _queryQueue?: unknown[] }, ...args: unknown[]) {
    if ((this._queryQueue?.length ?? 0) > 0) queuedBehindAnother++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
});
afterEach(() => {
  pg.Client.prototype.query = query;
});

/** One native record: `sentences` sentences, two gold spans on each, a relation between every pair. */
function bigNativeLine(sentences: number): string {
  const sentence = "Officials said the partnership is strong.";
  const length = sentence.length + 1;
  const doc: ExportDocument = {
    id: "big", title: "A long article", text: Array.from({ length: sentences }, () => sentence).join(" "), language: "en",
    source: null, originalSource: null, author: null, url: null, publishedAt: null, meta: {}, tags: [], split: "train",
    sentences: Array.from({ length: sentences }, (_, i) => ({ index: i, start: i * length, end: i * length + sentence.length, kind: "content", labels: null })),
    spans: Array.from({ length: sentences * 2 }, (_, i) => {
      const start = (i >> 1) * length;
      return { id: `s${i}`, layer: "gold", type: i % 2 ? "CLAIM" : "QUOTE", start, end: start + sentence.length, attributes: {}, stance: [], speaker: null, cue: null, speakerMention: null };
    }),
    relations: [],
    provenance: { annotators: [], reviewer: null, signedOffAt: null, schemaVersion: 1 },
  };
  return jsonLine(nativeRecord(prepareDocument(doc)));
}

describe("big writes inside a transaction", () => {
  it("a native import of a 6,000-span document stores and audits every span, one statement at a time", { timeout: 120_000 }, async () => {
    const { project, manager } = await makeTeam();
    const results = await importUploadedFile({ projectId: project.id, userId: manager.id }, { name: "big.jsonl", bytes: Buffer.from(bigNativeLine(3000)) });
    expect(results).toMatchObject([{ status: "imported" }]);
    const doc = await prisma().document.findFirstOrThrow({ where: { projectId: project.id }, select: { id: true } });
    expect(await prisma().annotation.count({ where: { documentId: doc.id, layer: "GOLD" } })).toBe(6000);
    expect(await prisma().auditEvent.count({ where: { documentId: doc.id, action: "annotation.create" } })).toBe(6000);
    expect(queuedBehindAnother).toBe(0);
  });
});
