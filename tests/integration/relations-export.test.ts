import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatasetVersion } from "@/lib/datasets/create-dataset";
import { datasetFileResponse } from "@/lib/datasets/download";
import { closePgPools } from "@/lib/db/pg-pool";
import { prisma } from "@/lib/db/prisma";
import { importUploadedFile } from "@/lib/documents/import-files";
import "@/lib/datasets/build-task";
import { addAnnotation, cp, seedSignedOffProject, TEXTS } from "./dataset-fixtures";
import { makeProject, makeTeam } from "./factories";

process.env.STANCEBENCH_JOBS = "inline";
afterAll(async () => {
  await closePgPools();
});

let team: Awaited<ReturnType<typeof makeTeam>>;
let seeded: Awaited<ReturnType<typeof seedSignedOffProject>>;
const bytesOf = async (response: Response) => (Buffer.from(await response.arrayBuffer())).toString("utf8");

async function link(documentId: string, layer: "GOLD" | "ANNOTATOR", authorId: string, type: string, fromId: string, toId: string) {
  await prisma().annotationRelation.create({ data: { id: crypto.randomUUID(), documentId, layer, authorId, type, fromId, toId } });
}

/** A document's relations, comparable across projects: ends by their type and offsets, annotator layers by author. */
async function relationsOf(documentId: string) {
  const rows = await prisma().annotationRelation.findMany({
    where: { documentId },
    select: { layer: true, authorId: true, type: true, from: { select: { type: true, start: true, end: true } }, to: { select: { type: true, start: true, end: true } } },
  });
  return rows.map((r) => ({ ...r, authorId: r.layer === "GOLD" ? null : r.authorId })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

beforeAll(async () => {
  team = await makeTeam();
  seeded = await seedSignedOffProject(team);
  await prisma().annotation.updateMany({ where: { documentId: seeded.plain, type: "QUOTE", speakerId: null }, data: { speakerId: seeded.lavrov } });
  const t = TEXTS.emoji;
  const gold = async (type: string) => (await prisma().annotation.findFirstOrThrow({ where: { documentId: seeded.emoji, layer: "GOLD", type } })).id;
  const [quote, claim, editorial] = [await gold("QUOTE"), await gold("CLAIM"), await gold("EDITORIAL")];
  await link(seeded.emoji, "GOLD", team.reviewer.id, "responds-to", quote, claim);
  await link(seeded.emoji, "GOLD", team.reviewer.id, "embedded-in", editorial, claim);
  // annotator1's layer: a claim the quote of their layer is embedded in.
  const mine = await prisma().annotation.findFirstOrThrow({ where: { documentId: seeded.emoji, layer: "ANNOTATOR", authorId: team.annotator.id, type: "QUOTE" } });
  const theirClaim = await addAnnotation(seeded.emoji, { layer: "ANNOTATOR", authorId: team.annotator.id, type: "CLAIM", ...cp(t, "Lavrov: «Санкции не работают», he told reporters 🇷🇺."), attributes: { checkworthy: "yes" } });
  await link(seeded.emoji, "ANNOTATOR", team.annotator.id, "embedded-in", mine.id, theirClaim);
  await createDatasetVersion(team.manager, team.project.id, { split: { train: 1, validation: 0, test: 0, seed: "s" }, includeAnnotatorLayers: true, formats: ["native-jsonl", "label-studio", "brat"] });
});

describe("relations in a dataset version", () => {
  it("native JSONL carries every layer's relations by span id; brat has R lines for gold", async () => {
    const native = await bytesOf(await datasetFileResponse(team.manager, team.project.id, "1", "native.jsonl"));
    const doc = native.trim().split("\n").map((l) => JSON.parse(l) as { id: string; spans: { id: string; type: string; layer: string }[]; relations: { type: string; layer: string; from_id: string; to_id: string }[] }).find((d) => d.id === seeded.emoji)!;
    const typeOf = (id: string) => doc.spans.find((s) => s.id === id)?.type;
    expect(doc.relations.map((r) => [r.layer === "gold" ? "gold" : "annotator", r.type, typeOf(r.from_id), typeOf(r.to_id)]).sort()).toEqual([
      ["annotator", "embedded-in", "QUOTE", "CLAIM"],
      ["gold", "embedded-in", "EDITORIAL", "CLAIM"],
      ["gold", "responds-to", "QUOTE", "CLAIM"],
    ]);
    const files = await prisma().datasetFile.findMany({ where: { name: { startsWith: "brat/" }, datasetVersion: { projectId: team.project.id } }, select: { name: true } });
    const ann = files.find((f) => f.name.endsWith(".ann") && f.name.includes(seeded.emoji))!.name;
    const text = await bytesOf(await datasetFileResponse(team.manager, team.project.id, "1", ann));
    expect(text.split("\n").filter((l) => /^R\d+\t(embedded-in|responds-to) Arg1:T\d+ Arg2:T\d+$/u.test(l))).toHaveLength(2);
  });

  it("importing the native JSONL recreates the gold relations exactly", async () => {
    const source = await bytesOf(await datasetFileResponse(team.manager, team.project.id, "1", "native.jsonl"));
    const target = await makeProject([{ user: team.manager, roles: ["MANAGER"] }], "Native copy");
    const results = await importUploadedFile({ projectId: target.id, userId: team.manager.id }, { name: "v1.jsonl", bytes: Buffer.from(source) });
    expect(results.map((r) => r.status)).toEqual(["imported", "imported", "imported"]);
    const copy = await prisma().document.findFirstOrThrow({ where: { projectId: target.id, text: TEXTS.emoji }, select: { id: true } });
    const goldOnly = (await relationsOf(seeded.emoji)).filter((r) => r.layer === "GOLD");
    expect(await relationsOf(copy.id)).toEqual(goldOnly);
    expect(await prisma().auditEvent.count({ where: { documentId: copy.id, action: "annotation.relation.create" } })).toBe(2);
  });

  it("importing the Label Studio JSON recreates the relations of every layer exactly", async () => {
    const source = await bytesOf(await datasetFileResponse(team.manager, team.project.id, "1", "label-studio.json"));
    const target = await makeProject([{ user: team.manager, roles: ["MANAGER"] }, { user: team.annotator, roles: ["ANNOTATOR"] }, { user: team.annotator2, roles: ["ANNOTATOR"] }], "LS copy");
    const results = await importUploadedFile({ projectId: target.id, userId: team.manager.id }, { name: "ls.json", bytes: Buffer.from(source) });
    expect(results.map((r) => r.status)).toEqual(["imported", "imported", "imported"]);
    const copy = await prisma().document.findFirstOrThrow({ where: { projectId: target.id, text: TEXTS.emoji }, select: { id: true } });
    expect(await relationsOf(copy.id)).toEqual(await relationsOf(seeded.emoji));
  });

  it("refuses an import whose relation type is not in the project's schema, storing nothing", async () => {
    const source = (await bytesOf(await datasetFileResponse(team.manager, team.project.id, "1", "native.jsonl"))).replaceAll('"type":"responds-to"', '"type":"quotes"');
    const target = await makeProject([{ user: team.manager, roles: ["MANAGER"] }], "Bad types");
    const results = await importUploadedFile({ projectId: target.id, userId: team.manager.id }, { name: "bad.jsonl", bytes: Buffer.from(source) });
    const failed = results.find((r) => r.status === "failed");
    expect(failed).toMatchObject({ error: { code: "validation_failed", message: "Relation types not in the project's schema: quotes. Add them as relation types first." } });
    expect(await prisma().document.count({ where: { projectId: target.id, text: TEXTS.emoji } })).toBe(0);
    const ls = (await bytesOf(await datasetFileResponse(team.manager, team.project.id, "1", "label-studio.json"))).replaceAll('"labels":["responds-to"]', '"labels":["quotes"]');
    const lsTarget = await makeProject([{ user: team.manager, roles: ["MANAGER"] }, { user: team.annotator, roles: ["ANNOTATOR"] }, { user: team.annotator2, roles: ["ANNOTATOR"] }], "Bad LS types");
    const lsResults = await importUploadedFile({ projectId: lsTarget.id, userId: team.manager.id }, { name: "bad.json", bytes: Buffer.from(ls) });
    expect(lsResults.find((r) => r.status === "failed")).toMatchObject({ error: { message: expect.stringMatching(/Relation types not in the project's schema: quotes/) } });
  });
});
