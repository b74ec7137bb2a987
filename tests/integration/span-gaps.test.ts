import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as annotationRoute from "@/app/api/v1/annotations/[annotationId]/route";
import * as documentAnnotations from "@/app/api/v1/documents/[documentId]/annotations/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createDatasetVersion } from "@/lib/datasets/create-dataset";
import { datasetFileResponse } from "@/lib/datasets/download";
import { closePgPools } from "@/lib/db/pg-pool";
import { prisma } from "@/lib/db/prisma";
import { importUploadedFile } from "@/lib/documents/import-files";
import { getReview } from "@/lib/review/get-review";
import { recordReviewDecision } from "@/lib/review/record-review-decision";
import { startReview } from "@/lib/review/start-review";
import { annotationDtoSchema } from "@/lib/validation/annotations";
import "@/lib/datasets/build-task";
import { cp, seedSignedOffProject, TEXTS } from "./dataset-fixtures";
import { makeProject, makeTeam } from "./factories";
import { assign, errorOf, makeDocument } from "./review-factories";

process.env.STANCEBENCH_JOBS = "inline";
afterAll(async () => {
  await closePgPools();
});

// "For this reason, she added, he is satisfied with the deal." — a quote interrupted by its attribution.
const TEXT = "Встреча 🤝 ended. For this reason, she added, he is satisfied with the deal. Nothing else.";
const at = (needle: string) => cp(TEXT, needle);
const QUOTE = at("For this reason, she added, he is satisfied with the deal");
const GAP = { start: at(", she added,").start, end: at(" he is").start };

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;
async function call<P>(handler: Handler<P>, params: P, token: string, method: string, body?: unknown) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) };
  const response = await handler(new Request("http://test.local/api", { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as { error?: { code: string; message: string; fields?: Record<string, string[]> } } & Record<string, unknown> };
}

describe("gaps through the annotation API", () => {
  let token: string;
  let documentId: string;
  beforeAll(async () => {
    const team = await makeTeam();
    const doc = await makeDocument(team.project.id, { state: "ANNOTATING", text: TEXT });
    documentId = doc.id;
    await assign(doc.id, team.annotator, "IN_PROGRESS");
    token = (await createApiToken(team.annotator.id, "t")).token;
  });

  it("creates a gapped quote, lists it, moves it and clears its gaps, auditing each state", async () => {
    const id = crypto.randomUUID();
    const created = await call(documentAnnotations.POST, { documentId }, token, "POST", { id, type: "QUOTE", ...QUOTE, gaps: [GAP], attributes: { form: "direct", speaker: { name: "Anna" } } });
    expect(created.status).toBe(201);
    const dto = annotationDtoSchema.parse(created.json);
    expect(dto.gaps).toEqual([GAP]);
    expect((await prisma().annotation.findUniqueOrThrow({ where: { id } })).gaps).toEqual([GAP]);

    const listed = await call(documentAnnotations.GET, { documentId }, token, "GET");
    expect((listed.json.items as { id: string; gaps?: unknown }[]).find((a) => a.id === id)?.gaps).toEqual([GAP]);

    // Moving the end keeps the gaps; sending null makes the span contiguous again.
    const moved = await call(annotationRoute.PATCH, { annotationId: id }, token, "PATCH", { version: 1, end: QUOTE.end - 9 });
    expect(moved.status).toBe(200);
    expect(moved.json.gaps).toEqual([GAP]);
    const cleared = await call(annotationRoute.PATCH, { annotationId: id }, token, "PATCH", { version: 2, gaps: null });
    expect(cleared.status).toBe(200);
    expect(cleared.json).not.toHaveProperty("gaps");
    expect((await prisma().annotation.findUniqueOrThrow({ where: { id } })).gaps).toBeNull();
    const recut = await call(annotationRoute.PATCH, { annotationId: id }, token, "PATCH", { version: 3, gaps: [GAP] });
    expect(recut.json.gaps).toEqual([GAP]);

    const audit = await prisma().auditEvent.findMany({ where: { annotationId: id }, orderBy: { id: "asc" }, select: { action: true, before: true, after: true } });
    const gapsOf = (v: unknown) => (v as { gaps?: unknown } | null)?.gaps ?? null;
    expect(audit.map((e) => [e.action, gapsOf(e.before), gapsOf(e.after)])).toEqual([
      ["annotation.create", null, [GAP]],
      ["annotation.update", [GAP], [GAP]],
      ["annotation.update", [GAP], null],
      ["annotation.update", null, [GAP]],
    ]);
  });

  it("refuses bad gaps with 400 and the field that is wrong", async () => {
    const post = (gaps: unknown) => call(documentAnnotations.POST, { documentId }, token, "POST", { type: "QUOTE", ...QUOTE, gaps, attributes: { form: "direct", speaker: { name: "Anna" } } });
    const cases: [unknown, string][] = [
      [[{ start: QUOTE.start, end: GAP.end }], "gaps.0.start"], // not strictly inside: the first fragment would be empty
      [[{ start: GAP.start, end: QUOTE.end + 3 }], "gaps.0.end"], // beyond the span
      [[{ start: GAP.start, end: GAP.start }], "gaps.0.end"], // empty
      [[{ start: GAP.start, end: GAP.end }, { start: GAP.start + 2, end: GAP.end + 2 }], "gaps.1.start"], // overlapping
      [[{ start: GAP.end + 2, end: GAP.end + 4 }, GAP], "gaps.1.start"], // not sorted
      [[{ start: 1.5, end: 4 }], "gaps.0.start"],
      ["everything", "gaps"],
    ];
    for (const [gaps, field] of cases) {
      const response = await post(gaps);
      expect(response.status, JSON.stringify(gaps)).toBe(400);
      expect(response.json.error?.code).toBe("validation_failed");
      expect(Object.keys(response.json.error?.fields ?? {}), JSON.stringify(gaps)).toEqual([field]);
      expect(response.json.error?.message).toContain(field);
    }
    // PATCH: a move that leaves the kept gap outside the span names the gap.
    const created = await post([GAP]);
    const id = (created.json as { id: string }).id;
    const shrunk = await call(annotationRoute.PATCH, { annotationId: id }, token, "PATCH", { version: 1, end: GAP.end });
    expect(shrunk.status).toBe(400);
    expect(shrunk.json.error?.fields).toEqual({ "gaps.0.end": [`Gap 0 must end inside the span, before its end ${GAP.end} (got ${GAP.end})`] });
  });
});

describe("gaps in review", () => {
  it("pre-accepts a gapped quote both annotators cut alike into gold, and flags different cuts as boundaries", async () => {
    const team = await makeTeam();
    const doc = await makeDocument(team.project.id, { text: TEXT });
    const other = { start: at("Nothing else").start, end: at("Nothing else").end };
    const rows = [
      [team.annotator, QUOTE, [GAP]],
      [team.annotator2, QUOTE, [GAP]],
      [team.annotator, other, [{ start: other.start + 2, end: other.start + 4 }]],
      [team.annotator2, other, null],
    ] as const;
    await assign(doc.id, team.annotator);
    await assign(doc.id, team.annotator2);
    for (const [user, span, gaps] of rows) {
      await prisma().annotation.create({
        data: { id: crypto.randomUUID(), documentId: doc.id, layer: "ANNOTATOR", authorId: user.id, type: "CLAIM", ...span, ...(gaps ? { gaps } : {}), attributes: {} },
      });
    }
    const review = await getReview(team.reviewer, doc.id);
    expect(review.matches.map((m) => [m.start, m.agreed, m.differences])).toEqual([
      [QUOTE.start, true, []],
      [other.start, false, ["boundaries"]],
    ]);
    expect((await startReview(team.reviewer, doc.id)).autoAccepted).toBe(1);
    const gold = await prisma().annotation.findFirstOrThrow({ where: { documentId: doc.id, layer: "GOLD" } });
    expect([gold.start, gold.end, gold.gaps]).toEqual([QUOTE.start, QUOTE.end, [GAP]]);
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { annotationId: gold.id, action: "annotation.create" } });
    expect((audit.after as { gaps?: unknown }).gaps).toEqual([GAP]);

    // The reviewer's own edit of the disagreement may cut a gap; a gap outside the span is a 400.
    const matchKey = review.matches[1]!.key;
    const edit = (gaps: { start: number; end: number }[]) =>
      recordReviewDecision(team.reviewer, doc.id, { matchKey, decision: "edit", annotation: { type: "CLAIM", ...other, gaps, attributes: { checkworthy: "no" } } });
    const bad = await errorOf(edit([{ start: other.start, end: other.start + 2 }]));
    expect([bad.status, bad.message]).toEqual([400, `Invalid input — annotation.gaps.0.start: Gap 0 must start inside the span, after its start ${other.start} (got ${other.start})`]);
    await edit([{ start: other.start + 3, end: other.start + 5 }]);
    const edited = await prisma().annotation.findFirstOrThrow({ where: { documentId: doc.id, layer: "GOLD", start: other.start } });
    expect(edited.gaps).toEqual([{ start: other.start + 3, end: other.start + 5 }]);
  });
});

describe("gaps through a dataset and back", () => {
  let team: Awaited<ReturnType<typeof makeTeam>>;
  let seeded: Awaited<ReturnType<typeof seedSignedOffProject>>;
  const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer()).toString("utf8");
  const t = TEXTS.emoji;
  const quoteGap = cp(t, " не");
  /** A document's spans comparable across projects: layer (annotators by author), type, offsets, gaps. */
  const spansOf = async (documentId: string) =>
    (await prisma().annotation.findMany({ where: { documentId, start: { not: null } }, select: { layer: true, authorId: true, type: true, start: true, end: true, gaps: true } }))
      .map((a) => ({ ...a, authorId: a.layer === "GOLD" ? null : a.authorId }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  beforeAll(async () => {
    team = await makeTeam();
    seeded = await seedSignedOffProject(team);
    // Every QUOTE needs a speaker in the default schema, or the Label Studio import refuses it.
    await prisma().annotation.updateMany({ where: { documentId: seeded.plain, type: "QUOTE", speakerId: null }, data: { speakerId: seeded.lavrov } });
    // The gold quote "Санкции не работают" without " не"; annotator1's quote cut twice.
    await prisma().annotation.updateMany({ where: { documentId: seeded.emoji, layer: "GOLD", type: "QUOTE" }, data: { gaps: [quoteGap] } });
    const mine = await prisma().annotation.findFirstOrThrow({ where: { documentId: seeded.emoji, layer: "ANNOTATOR", authorId: team.annotator.id, type: "QUOTE" } });
    await prisma().annotation.update({ where: { id: mine.id }, data: { gaps: [{ start: mine.start! + 1, end: mine.start! + 2 }, { start: mine.start! + 3, end: mine.start! + 4 }] } });
    await createDatasetVersion(team.manager, team.project.id, { split: { train: 1, validation: 0, test: 0, seed: "s" }, includeAnnotatorLayers: true, formats: ["native-jsonl", "label-studio", "brat"] });
  });

  it("writes brat fragments for the gold quote", async () => {
    const files = await prisma().datasetFile.findMany({ where: { name: { startsWith: "brat/" }, datasetVersion: { projectId: team.project.id } }, select: { name: true } });
    const ann = await bytesOf(await datasetFileResponse(team.manager, team.project.id, "1", files.find((f) => f.name.endsWith(".ann") && f.name.includes(seeded.emoji))!.name));
    const quote = cp(t, "Санкции не работают");
    // The .txt has LF line breaks: one code point less for the CRLF before the quote.
    expect(ann).toContain(`\tQUOTE ${quote.start - 1} ${quoteGap.start - 1};${quoteGap.end - 1} ${quote.end - 1}\tСанкции  работают\n`);
  });

  it("importing the native JSONL restores the gold gaps exactly", async () => {
    const source = await bytesOf(await datasetFileResponse(team.manager, team.project.id, "1", "native.jsonl"));
    const target = await makeProject([{ user: team.manager, roles: ["MANAGER"] }], "Native copy");
    const results = await importUploadedFile({ projectId: target.id, userId: team.manager.id }, { name: "v1.jsonl", bytes: Buffer.from(source) });
    expect(results.every((r) => r.status === "imported")).toBe(true);
    const copy = await prisma().document.findFirstOrThrow({ where: { projectId: target.id, text: t }, select: { id: true } });
    const gold = (await spansOf(seeded.emoji)).filter((s) => s.layer === "GOLD");
    expect(gold.some((s) => s.gaps !== null)).toBe(true);
    expect(await spansOf(copy.id)).toEqual(gold);
  });

  it("importing the Label Studio JSON joins the fragment regions back into gapped spans in every layer", async () => {
    const source = await bytesOf(await datasetFileResponse(team.manager, team.project.id, "1", "label-studio.json"));
    expect(source).toContain('"labels":["fragment"]');
    const target = await makeProject([{ user: team.manager, roles: ["MANAGER"] }, { user: team.annotator, roles: ["ANNOTATOR"] }, { user: team.annotator2, roles: ["ANNOTATOR"] }], "LS copy");
    const results = await importUploadedFile({ projectId: target.id, userId: team.manager.id }, { name: "ls.json", bytes: Buffer.from(source) });
    expect(results.every((r) => r.status === "imported")).toBe(true);
    const copy = await prisma().document.findFirstOrThrow({ where: { projectId: target.id, text: t }, select: { id: true } });
    const original = await spansOf(seeded.emoji);
    expect(original.filter((s) => s.gaps !== null)).toHaveLength(2);
    expect(await spansOf(copy.id)).toEqual(original);
  });
});
