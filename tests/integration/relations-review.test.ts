import { beforeAll, describe, expect, it } from "vitest";
import { getProjectAgreement } from "@/lib/agreement/project-agreement";
import { prisma } from "@/lib/db/prisma";
import { decideRelation, getRelationReview } from "@/lib/relations/review-relations";
import { recordReviewDecision } from "@/lib/review/record-review-decision";
import { startReview } from "@/lib/review/start-review";
import { makeTeam } from "./factories";
import { annotate, assign, errorOf, makeDocument } from "./review-factories";

// "The minister said the tax cut will pay for itself. Economists disagree. …"
const CLAIM = { type: "CLAIM", start: 0, end: 50, attributes: { checkworthy: "yes" } };
const QUOTE = { type: "EDITORIAL", start: 18, end: 49, attributes: { kind: "editor-aside" } };
const OTHER = { type: "CLAIM", start: 51, end: 70, attributes: { checkworthy: "no" } };

let team: Awaited<ReturnType<typeof makeTeam>>;
let documentId: string;

async function link(authorId: string, type: string, fromId: string, toId: string) {
  await prisma().annotationRelation.create({ data: { id: crypto.randomUUID(), documentId, layer: "ANNOTATOR", authorId, type, fromId, toId } });
}

beforeAll(async () => {
  team = await makeTeam();
  const doc = await makeDocument(team.project.id);
  documentId = doc.id;
  const ids: Record<string, Record<string, string>> = {};
  for (const who of [team.annotator, team.annotator2]) {
    await assign(documentId, who);
    ids[who.id] = { claim: (await annotate(documentId, who, CLAIM)).id, quote: (await annotate(documentId, who, QUOTE)).id };
    // Both: the aside is embedded in the claim (agreed).
    await link(who.id, "embedded-in", ids[who.id]!.quote!, ids[who.id]!.claim!);
  }
  // Only annotator 2: the claim responds to another claim only they marked.
  const other = (await annotate(documentId, team.annotator2, OTHER)).id;
  await link(team.annotator2.id, "responds-to", ids[team.annotator2.id]!.claim!, other);
  await startReview(team.reviewer, documentId); // pre-accepts the agreed spans into gold
});

describe("relations in review", () => {
  it("matches relations by type and both ends, with the document's relation F1", async () => {
    const review = await getRelationReview(team.reviewer, documentId);
    expect(review.items.map((m) => [m.type, m.from.type, m.to.type, m.agreed, m.missingAnnotators])).toEqual([
      ["embedded-in", "EDITORIAL", "CLAIM", true, []],
      ["responds-to", "CLAIM", "CLAIM", false, [team.annotator.id]],
    ]);
    expect(review.f1).toBeCloseTo(2 / 3); // TP 1 of 1 + 2 relations
    // Starting the review pre-accepted the agreed relation between the pre-accepted spans.
    const [agreed, single] = review.items;
    expect(agreed!.decision).toMatchObject({ decision: "auto", version: 1 });
    const gold = await prisma().annotationRelation.findUniqueOrThrow({ where: { id: agreed!.goldRelationId! } });
    expect([gold.layer, gold.type, gold.fromId, gold.toId, gold.origin]).toEqual(["GOLD", "embedded-in", agreed!.from.goldAnnotationId, agreed!.to.goldAnnotationId, "review:auto"]);
    expect([single!.decision, single!.goldRelationId]).toEqual([null, null]);
    expect((await errorOf(getRelationReview(team.annotator, documentId))).status).toBe(403);
  });

  it("agreement reports the relation F1 of the annotator layers", async () => {
    const agreement = await getProjectAgreement(team.manager, team.project.id, { documentId });
    expect(agreement.relationF1).toEqual({ truePositives: 1, relations: 3, f1: 2 / 3 });
  });

  it("reject removes the gold link, accept links the gold spans again; an undecided end is a clear 409", async () => {
    const [agreed, single] = (await getRelationReview(team.reviewer, documentId)).items;
    expect((await errorOf(decideRelation(team.reviewer, documentId, { key: agreed!.key, decision: "reject" }))).status).toBe(409); // stale: the auto decision is version 1
    const rejected = await decideRelation(team.reviewer, documentId, { key: agreed!.key, decision: "reject", version: 1 });
    expect([rejected.decision?.decision, rejected.decision?.version, rejected.goldRelationId]).toEqual(["reject", 2, null]);
    expect(await prisma().annotationRelation.count({ where: { documentId, layer: "GOLD" } })).toBe(0);
    const accepted = await decideRelation(team.reviewer, documentId, { key: agreed!.key, decision: "accept", version: 2 });
    expect(accepted.decision).toMatchObject({ decision: "accept", version: 3 });
    const gold = await prisma().annotationRelation.findUniqueOrThrow({ where: { id: accepted.goldRelationId! } });
    expect([gold.layer, gold.type, gold.fromId, gold.toId, gold.origin]).toEqual(["GOLD", "embedded-in", agreed!.from.goldAnnotationId, agreed!.to.goldAnnotationId, "review:accept"]);

    const blocked = await errorOf(decideRelation(team.reviewer, documentId, { key: single!.key, decision: "accept" }));
    expect([blocked.status, blocked.message]).toEqual([409, "Decide the CLAIM span at 51–70 first: it has no gold annotation to link."]);
  });

  it("refuses bad input precisely", async () => {
    expect((await errorOf(decideRelation(team.reviewer, documentId, { key: "relation:nope", decision: "accept" }))).status).toBe(404);
    const bad = await errorOf(decideRelation(team.reviewer, documentId, { key: "CLAIM:0:50", decision: "maybe" }));
    expect(bad.status).toBe(400);
    expect((await errorOf(decideRelation(team.annotator, documentId, { key: "relation:x", decision: "accept" }))).status).toBe(403);
  });

  it("rejecting a gold span deletes its gold relations, audited", async () => {
    const [agreed] = (await getRelationReview(team.reviewer, documentId)).items;
    const again = agreed!; // accepted in the test before
    expect(again.goldRelationId).not.toBeNull();
    const quoteMatch = agreed!.from.matchKey;
    const decision = await prisma().reviewDecision.findUniqueOrThrow({ where: { documentId_matchKey: { documentId, matchKey: quoteMatch } } });
    await recordReviewDecision(team.reviewer, documentId, { matchKey: quoteMatch, decision: "reject", reason: "not an aside", version: decision.version });
    expect(await prisma().annotationRelation.count({ where: { documentId, layer: "GOLD" } })).toBe(0);
    const audit = await prisma().auditEvent.findFirst({ where: { documentId, action: "annotation.relation.delete", before: { path: ["id"], equals: again.goldRelationId! } } });
    expect(audit?.actorId).toBe(team.reviewer.id);
  });
});
