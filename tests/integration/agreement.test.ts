import { describe, expect, it } from "vitest";
import { attributesWithHolders } from "@/lib/stance/stance-holder";
import { computeAgreementReport } from "@/lib/agreement/agreement-report";
import type { LayerAnnotation } from "@/lib/agreement/layer-annotation";
import { listAgreementDocuments } from "@/lib/agreement/list-agreement-documents";
import { getProjectAgreement } from "@/lib/agreement/project-agreement";
import { prisma } from "@/lib/db/prisma";
import { makeProject, makeTeam } from "./factories";
import { annotate, assign, errorOf, makeDocument, makeEntity } from "./review-factories";

type Team = Awaited<ReturnType<typeof makeTeam>>;

/**
 * One document, two annotators, four sentences: checkworthy yes/yes, no/no, yes/no, no/no, so
 * Cohen's kappa = (p_o − p_e) / (1 − p_e) with p_o = 3/4, p_e = (2/4·1/4 + 2/4·3/4) = 1/2 → 0.5.
 * CLAIM [0,50) both (stance 1 vs 2), QUOTE [18,49) only annotator 1.
 */
async function doubleAnnotated(team: Team, speakerId?: string) {
  const doc = await makeDocument(team.project.id, { text: "One is a claim here. Two. Three is another. Four ends it." });
  const a = team.annotator;
  const b = team.annotator2;
  await assign(doc.id, a);
  await assign(doc.id, b);
  const labels: [string, string][] = [["yes", "yes"], ["no", "no"], ["yes", "no"], ["no", "no"]];
  for (const [index, [x, y]] of labels.entries()) {
    await annotate(doc.id, a, { type: "SENTENCE", sentenceIndex: index, attributes: { checkworthy: x } });
    await annotate(doc.id, b, { type: "SENTENCE", sentenceIndex: index, attributes: { checkworthy: y } });
  }
  await annotate(doc.id, a, { type: "CLAIM", start: 0, end: 20, attributes: { checkworthy: "yes", stance: [{ target: "tax", value: 1 }] } });
  await annotate(doc.id, b, { type: "CLAIM", start: 0, end: 20, attributes: { checkworthy: "yes", stance: [{ target: "tax", value: 2 }] } });
  await annotate(doc.id, a, { type: "QUOTE", start: 0, end: 5, attributes: { form: "direct" }, speakerId });
  return doc;
}

/** The same data the service reads, as LayerAnnotations, for an in-memory reference report. */
async function layerOf(projectId: string): Promise<LayerAnnotation[]> {
  const rows = await prisma().annotation.findMany({ where: { layer: "ANNOTATOR", document: { projectId } } });
  return rows.map((r) => ({
    id: r.id, documentId: r.documentId, annotatorId: r.authorId, type: r.type, start: r.start, end: r.end, sentenceIndex: r.sentenceIndex,
    // Rows written without a holder read with their type's default, as the service reads them.
    attributes: attributesWithHolders(r.speakerId ? { ...(r.attributes as object), speaker: { id: r.speakerId } } : (r.attributes as Record<string, unknown>), r.type),
  }));
}

describe("GET /api/v1/projects/{id}/agreement", () => {
  it("reports alpha per attribute with units, the kappa matrix, span F1 per type and the per-annotator table", async () => {
    const team = await makeTeam();
    const speaker = await makeEntity(team.project.id, "Someone");
    await doubleAnnotated(team, speaker.id);
    const report = await getProjectAgreement(team.reviewer, team.project.id);
    const [first, second] = [team.annotator, team.annotator2].sort((x, y) => (x.id < y.id ? -1 : 1));

    expect(report).toMatchObject({ projectId: team.project.id, documentId: null, documents: 1, doubleAnnotatedDocuments: 1 });
    expect(report.annotators).toEqual([{ id: first!.id, name: first!.name }, { id: second!.id, name: second!.name }]);
    expect(report.kappa?.key).toBe("sentence.checkworthy");
    expect(report.kappa?.matrix[0]![1]).toBeCloseTo(0.5, 10);
    expect(report.kappa?.n[0]![1]).toBe(4);
    expect(report.attributes["sentence.checkworthy"]).toMatchObject({ units: 4, scale: "nominal", alpha: { ordinal: null, interval: null } });
    expect(report.attributes["CLAIM.stance:tax"]).toMatchObject({ units: 1, scale: "numeric" });
    expect(Object.keys(report.attributes["CLAIM.stance:tax"]!.alpha).sort()).toEqual(["interval", "nominal", "ordinal"]);
    // Whose stance is compared too: a nominal key per target, the CLAIM default (author) when unset.
    expect(report.attributes["CLAIM.stanceHolder:tax"]).toMatchObject({ units: 1, scale: "nominal", alpha: { ordinal: null, interval: null } });
    // The speaker column is compared as an attribute (only one annotator marked the quote: no pairable unit).
    expect(report.attributes["QUOTE.speaker"]).toMatchObject({ units: 0 });
    expect(report.spanF1ByType.exact.byType).toMatchObject({ CLAIM: { tp: 1, fp: 0, fn: 0, f1: 1 }, QUOTE: { tp: 0, f1: 0 } });
    expect(report.perAnnotator.map((p) => [p.annotatorId, p.documents])).toEqual([[first!.id, 1], [second!.id, 1]]);

    // Same figures as the in-memory report over the same rows.
    const reference = computeAgreementReport(await layerOf(team.project.id));
    expect(report.attributes).toEqual(reference.attributes);
    expect(report.kappa).toEqual(reference.kappa);
    expect(report.spans).toEqual(reference.spans);
  });

  it("streams many documents in batches and gets what one in-memory pass gets; ?documentId= narrows to one", async () => {
    const team = await makeTeam();
    const docs = [];
    for (let i = 0; i < 57; i++) {
      const doc = await makeDocument(team.project.id, { text: `Document ${i} says something. It ends.` });
      docs.push(doc);
      await annotate(doc.id, team.annotator, { type: "SENTENCE", sentenceIndex: 0, attributes: { checkworthy: i % 3 === 0 ? "yes" : "no" } });
      await annotate(doc.id, team.annotator2, { type: "SENTENCE", sentenceIndex: 0, attributes: { checkworthy: i % 4 === 0 ? "yes" : "no" } });
      if (i % 2 === 0) await annotate(doc.id, team.annotator, { type: "CLAIM", start: 0, end: 10, attributes: { stance: [{ target: "x", value: i % 5 - 2 }] } });
      await annotate(doc.id, team.annotator2, { type: "CLAIM", start: 0, end: i % 3 === 0 ? 10 : 12, attributes: { stance: [{ target: "x", value: i % 3 - 1 }] } });
    }
    // Batches of 10: six round trips, the last one short.
    const report = await getProjectAgreement(team.manager, team.project.id, { batchSize: 10 });
    const reference = computeAgreementReport(await layerOf(team.project.id));
    expect(report.documents).toBe(57);
    expect(await getProjectAgreement(team.manager, team.project.id)).toEqual(report);
    expect(report.doubleAnnotatedDocuments).toBe(57);
    expect(report.attributes).toEqual(reference.attributes);
    expect(report.kappa).toEqual(reference.kappa);
    expect(report.spans).toEqual(reference.spans);
    expect(report.perAnnotator).toEqual(reference.perAnnotator);

    const one = await getProjectAgreement(team.manager, team.project.id, { documentId: docs[3]!.id });
    expect(one).toMatchObject({ documentId: docs[3]!.id, documents: 1 });
    expect(one.kappa?.n[0]![1]).toBe(1);
  });

  it("gives an empty report (no double-annotated documents) without failing", async () => {
    const team = await makeTeam();
    const single = await makeDocument(team.project.id);
    await annotate(single.id, team.annotator, { type: "CLAIM", start: 0, end: 10 });
    const report = await getProjectAgreement(team.reviewer, team.project.id);
    expect(report).toMatchObject({ documents: 1, doubleAnnotatedDocuments: 0, spans: [], kappa: null });
    const empty = await getProjectAgreement(team.reviewer, (await makeProject([{ user: team.reviewer, roles: ["REVIEWER"] }])).id);
    expect(empty).toMatchObject({ documents: 0, doubleAnnotatedDocuments: 0, annotators: [], attributes: {}, perAnnotator: [] });
  });

  it("lists documents with annotator work and their annotator counts for the page's filter", async () => {
    const team = await makeTeam();
    const double = await doubleAnnotated(team);
    const single = await makeDocument(team.project.id);
    await annotate(single.id, team.annotator, { type: "CLAIM", start: 0, end: 10 });
    await makeDocument(team.project.id);
    const options = await listAgreementDocuments(team.manager, team.project.id);
    expect(options.map((o) => [o.id, o.annotators])).toEqual([[double.id, 2], [single.id, 1]]);
    expect((await errorOf(listAgreementDocuments(team.annotator, team.project.id))).status).toBe(403);
  });

  it("ignores the gold layer", async () => {
    const team = await makeTeam();
    const doc = await doubleAnnotated(team);
    const before = await getProjectAgreement(team.reviewer, team.project.id);
    await prisma().annotation.create({ data: { id: crypto.randomUUID(), documentId: doc.id, layer: "GOLD", authorId: team.reviewer.id, type: "CLAIM", start: 30, end: 40 } });
    expect(await getProjectAgreement(team.reviewer, team.project.id)).toEqual(before);
  });

  it("annotators 403, outsiders 404, a document of another project or unknown 404", async () => {
    const team = await makeTeam();
    await doubleAnnotated(team);
    expect((await errorOf(getProjectAgreement(team.annotator, team.project.id))).status).toBe(403);
    expect((await errorOf(getProjectAgreement(team.outsider, team.project.id))).status).toBe(404);
    expect((await errorOf(getProjectAgreement(team.reviewer, "no-such-project"))).status).toBe(404);
    const other = await makeProject([{ user: team.manager, roles: ["MANAGER"] }], "Other");
    const foreign = await makeDocument(other.id);
    expect((await errorOf(getProjectAgreement(team.manager, team.project.id, { documentId: foreign.id }))).status).toBe(404);
    expect((await errorOf(getProjectAgreement(team.manager, team.project.id, { documentId: "nope" }))).status).toBe(404);
  });
});
