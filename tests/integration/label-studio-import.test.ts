import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatasetVersion } from "@/lib/datasets/create-dataset";
import { datasetFileResponse } from "@/lib/datasets/download";
import { closePgPools } from "@/lib/db/pg-pool";
import { prisma } from "@/lib/db/prisma";
import { importUploadedFile } from "@/lib/documents/import-files";
import "@/lib/datasets/build-task";
import { seedSignedOffProject } from "./dataset-fixtures";
import { makeProject, makeTeam } from "./factories";

process.env.STANCEBENCH_JOBS = "inline";
afterAll(async () => {
  await closePgPools();
});

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;
let exported: Buffer;

beforeAll(async () => {
  team = await makeTeam();
  const seeded = await seedSignedOffProject(team);
  // The seed writes rows directly; this quote lacks the speaker the schema requires, which the importer (rightly) refuses.
  await prisma().annotation.updateMany({ where: { documentId: seeded.plain, type: "QUOTE", speakerId: null }, data: { speakerId: seeded.lavrov } });
  await createDatasetVersion(team.manager, team.project.id, { split: { train: 1, validation: 0, test: 0, seed: "s" }, includeAnnotatorLayers: true, formats: ["label-studio"] });
  exported = Buffer.from(await (await datasetFileResponse(team.manager, team.project.id, "1", "label-studio.json")).arrayBuffer());
});

/** Every annotation of a document, comparable across projects: ids and authors left out, speaker by name. */
async function layersOf(documentId: string) {
  const rows = await prisma().annotation.findMany({
    where: { documentId },
    select: { layer: true, authorId: true, type: true, start: true, end: true, sentenceIndex: true, attributes: true, speaker: { select: { name: true, type: true } } },
  });
  // Further speakers are entity ids of each project: compared by name.
  const names = new Map((await prisma().entity.findMany({ select: { id: true, name: true } })).map((e) => [e.id, e.name]));
  const byName = (attributes: unknown) => {
    const a = { ...(attributes as Record<string, unknown>) };
    if (Array.isArray(a.coSpeakers)) a.coSpeakers = a.coSpeakers.map((id) => names.get(id as string));
    return a;
  };
  return rows
    .map((r) => ({ ...r, attributes: byName(r.attributes), authorId: r.layer === "GOLD" ? null : r.authorId }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

const importInto = (projectId: string, body: unknown) =>
  importUploadedFile({ projectId, userId: team.manager.id }, { name: "ls.json", bytes: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)) });

describe("Label Studio import", () => {
  it("round-trips our export exactly: gold with every attribute, stance holders, joint speakers, parts and sentence labels, annotator layers kept", async () => {
    const target = await makeProject(
      [{ user: team.manager, roles: ["MANAGER"] }, { user: team.annotator, roles: ["ANNOTATOR"] }, { user: team.annotator2, roles: ["ANNOTATOR"] }],
      "LS copy",
    );
    const results = await importInto(target.id, exported.toString("utf8"));
    expect(results.map((r) => r.status)).toEqual(["imported", "imported", "imported"]);
    const sources = await prisma().document.findMany({ where: { projectId: team.project.id, state: "SIGNED_OFF" }, select: { id: true, text: true } });
    for (const source of sources) {
      const copy = await prisma().document.findFirstOrThrow({ where: { projectId: target.id, text: source.text }, select: { id: true, state: true } });
      expect(copy.state).toBe("SIGNED_OFF");
      // Exports carry annotator layers' spans but only gold sentence labels (ExportDocument has no place for the others).
      const exportable = (await layersOf(source.id)).filter((a) => !(a.layer === "ANNOTATOR" && a.type === "SENTENCE"));
      expect(await layersOf(copy.id)).toEqual(exportable);
    }
    const emoji = sources.find((s) => s.text.startsWith("Putin"))!;
    // What the round trip must carry, stated once more: the joint speakers and the holders.
    const copied = await layersOf((await prisma().document.findFirstOrThrow({ where: { projectId: target.id, text: emoji.text }, select: { id: true } })).id);
    const goldQuote = copied.find((a) => a.layer === "GOLD" && a.type === "QUOTE")!;
    expect(goldQuote.speaker?.name).toBe("Sergey Lavrov");
    expect(goldQuote.attributes).toMatchObject({
      coSpeakers: ["=cmd|' /C calc'!A0"],
      stance: [{ target: "Ukraine", value: -2, holder: "source" }, { target: "United States / the West", value: -1, holder: "author" }],
    });
    const copy = await prisma().document.findFirstOrThrow({ where: { projectId: target.id, text: emoji.text }, select: { id: true } });
    const assignments = await prisma().assignment.findMany({ where: { documentId: copy.id }, select: { userId: true, role: true, state: true } });
    expect(assignments.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
      [team.annotator.id, team.annotator2.id].sort().map((userId) => ({ userId, role: "ANNOTATOR", state: "SUBMITTED" })),
    );
    const audit = await prisma().auditEvent.count({ where: { documentId: copy.id, action: "annotation.create" } });
    expect(audit).toBe((await layersOf(copy.id)).length);
  });

  it("refuses a task whose annotator layers cannot be told apart, and stores nothing for it", async () => {
    const target = await makeProject([{ user: team.manager, roles: ["MANAGER"] }], "LS no annotators");
    const results = await importInto(target.id, exported.toString("utf8"));
    const failed = results.filter((r) => r.status === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toEqual({ code: "validation_failed", message: expect.stringContaining("same annotator") as string });
    expect(await prisma().document.count({ where: { projectId: target.id } })).toBe(2);
  });

  const text = "Ministers met 👍 today. Nobody said much.";
  const region = (id: string, start: number, end: number, label: string, from = "label") => ({ id, from_name: from, to_name: "text", type: "labels", value: { start, end, labels: [label] } });
  const choice = (id: string, from: string, start: number, end: number, value: string) => ({ id, from_name: from, to_name: "text", type: "choices", value: { start, end, choices: [value] } });

  it("validates attributes against the schema with a message naming the region and field", async () => {
    const target = await makeProject([{ user: team.manager, roles: ["MANAGER"] }], "LS invalid");
    const cases: [unknown[], RegExp][] = [
      [[region("q", 0, 9, "QUOTE"), choice("q", "QUOTE.form", 0, 9, "shouted")], /region q \(QUOTE\): attributes\.form: Unknown value "shouted"/u],
      [[region("q", 0, 9, "QUOTE"), choice("q", "QUOTE.form", 0, 9, "direct")], /region q \(QUOTE\): attributes\.speaker: speaker is required/u],
      [[region("c", 0, 9, "CLAIM"), choice("c", "CLAIM.checkworthy", 0, 9, "yes"), choice("c", "stance:Mars", 0, 9, "1")], /attributes\.stance\.0\.target: "Mars" is not a stance target/u],
      [[region("c", 0, 9, "CLAIM"), choice("c", "CLAIM.checkworthy", 0, 9, "yes"), choice("c", "sentiment", 0, 9, "neg")], /attributes\.sentiment: Unknown attribute "sentiment"/u],
      [[region("s", 0, 22, "SENTENCE", "sentence"), choice("s", "sentence.checkworthy", 0, 22, "maybe")], /sentence region s: labels\.checkworthy: Unknown value "maybe"/u],
      [
        [region("q", 0, 9, "QUOTE"), choice("q", "QUOTE.form", 0, 9, "direct"), { id: "q", from_name: "QUOTE.speaker", to_name: "text", type: "textarea", value: { start: 0, end: 9, text: ["X"] } }, choice("q", "QUOTE.speaker_type", 0, 9, "ROBOT")],
        /speaker type "ROBOT" is not one of/u,
      ],
    ];
    for (const [result, message] of cases) {
      const [r] = await importInto(target.id, [{ data: { text }, annotations: [{ ground_truth: true, result }] }]);
      expect(r).toMatchObject({ status: "failed", error: { code: "validation_failed" } });
      expect(r!.error!.message).toMatch(message);
    }
    const [bad] = await importInto(target.id, "[{");
    expect(bad).toMatchObject({ status: "failed", error: { code: "validation_failed", message: expect.stringContaining("not valid JSON") as string } });
    expect(await prisma().document.count({ where: { projectId: target.id } })).toBe(0);
  });

  it("keeps non-ground-truth annotations as the named member's layer and sentence labels; a sentence region must be a sentence", async () => {
    const target = await makeProject([{ user: team.manager, roles: ["MANAGER"] }, { user: team.annotator, roles: ["ANNOTATOR"] }], "LS layers");
    const layered = {
      data: { text },
      annotations: [
        { result: [region("c", 14, 15, "claim"), choice("c", "CLAIM.checkworthy", 14, 15, "no"), region("s", 0, 22, "SENTENCE", "sentence"), choice("s", "stance:Ukraine", 0, 22, "-1")] },
        { completed_by: { id: 9, email: team.annotator.email.toUpperCase() }, result: [region("c2", 0, 9, "CLAIM"), choice("c2", "CLAIM.checkworthy", 0, 9, "yes")] },
      ],
    };
    const [r] = await importInto(target.id, [layered]);
    expect(r).toEqual(expect.objectContaining({ status: "imported" }));
    const doc = await prisma().document.findUniqueOrThrow({ where: { id: r!.id! }, select: { state: true } });
    expect(doc.state).toBe("IN_REVIEW");
    expect((await layersOf(r!.id!)).map(({ layer, authorId, type, start, end, sentenceIndex, attributes }) => ({ layer, authorId, type, start, end, sentenceIndex, attributes }))).toEqual([
      { layer: "ANNOTATOR", authorId: team.annotator.id, type: "CLAIM", start: 0, end: 9, sentenceIndex: null, attributes: { checkworthy: "yes" } },
      { layer: "GOLD", authorId: null, type: "CLAIM", start: 14, end: 15, sentenceIndex: null, attributes: { checkworthy: "no" } },
      { layer: "GOLD", authorId: null, type: "SENTENCE", start: null, end: null, sentenceIndex: 0, attributes: { stance: [{ target: "Ukraine", value: -1, holder: "author" }] } },
    ]);
    const [off] = await importInto(target.id, [{ data: { text: "Another text. With two sentences." }, annotations: [{ result: [region("s", 0, 5, "SENTENCE", "sentence"), choice("s", "sentence.checkworthy", 0, 5, "no")] }] }]);
    expect(off).toMatchObject({ status: "failed", error: { code: "validation_failed", message: "The sentence region [0, 5) is not a sentence of the imported text." } });
    expect(await prisma().document.count({ where: { projectId: target.id } })).toBe(1);
  });
});
