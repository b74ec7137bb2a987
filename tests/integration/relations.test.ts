import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { deleteAnnotation } from "@/lib/annotations/change-annotation";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { prisma } from "@/lib/db/prisma";
import { importArticle } from "@/lib/documents/import-article";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { updateLabelSchema } from "@/lib/projects/update-label-schema";
import { deleteRelation, updateRelation } from "@/lib/relations/change-relation";
import { createRelation } from "@/lib/relations/create-relation";
import { listRelations } from "@/lib/relations/list-relations";
import { defaultLabelSchema } from "@/lib/schema/label-schema";
import { errorOf } from "./error-of";
import { makeTeam } from "./factories";

const TEXT = "The minister said: “We reject the claim [editor's note: made in May] entirely.” Later he repeated that he rejects it.";

let team: Awaited<ReturnType<typeof makeTeam>>;
let documentId: string;
let otherDocumentId: string;

beforeAll(async () => {
  team = await makeTeam();
  const imported = await importArticle({ projectId: team.project.id, createdById: team.manager.id, article: { title: "Relations", text: TEXT } });
  const other = await importArticle({ projectId: team.project.id, createdById: team.manager.id, article: { title: "Other", text: "Another article with a claim." } });
  if (imported.status !== "imported" || other.status !== "imported") throw new Error("import failed");
  documentId = imported.id;
  otherDocumentId = other.id;
  await prisma().assignment.createMany({
    data: [
      { documentId, userId: team.annotator.id, role: "ANNOTATOR" },
      { documentId, userId: team.annotator2.id, role: "ANNOTATOR" },
      { documentId: otherDocumentId, userId: team.annotator.id, role: "ANNOTATOR" },
    ],
  });
});

async function claim(user: AuthenticatedUser, needle: string, doc = documentId, text = TEXT): Promise<string> {
  const start = text.indexOf(needle);
  const { annotation } = await createAnnotation(user, doc, { id: crypto.randomUUID(), type: "CLAIM", start, end: start + needle.length, attributes: { checkworthy: "yes" } });
  return annotation.id;
}

describe("creating relations", () => {
  it("links two spans of one layer, audits it, and a retried id returns the same relation", async () => {
    const [from, to] = [await claim(team.annotator, "editor's note"), await claim(team.annotator, "We reject the claim")];
    const input = { id: crypto.randomUUID(), type: "embedded-in", fromId: from, toId: to };
    const first = await createRelation(team.annotator, documentId, input);
    expect(first.created).toBe(true);
    expect(first.relation).toMatchObject({ type: "embedded-in", fromId: from, toId: to, layer: "annotator", authorId: team.annotator.id, version: 1 });
    const again = await createRelation(team.annotator, documentId, input);
    expect(again).toEqual({ relation: first.relation, created: false });
    const audit = await prisma().auditEvent.findMany({ where: { action: "annotation.relation.create", documentId } });
    expect(audit.map((a) => (a.after as { id: string }).id)).toContain(input.id);
    expect((await listRelations(team.annotator, documentId, "mine")).items.map((r) => r.id)).toContain(input.id);
  });

  it("refuses bad input with precise messages", async () => {
    const a = await claim(team.annotator, "Later he repeated");
    const b = await claim(team.annotator, "rejects it");
    const theirs = await claim(team.annotator2, "rejects it");
    const elsewhere = await claim(team.annotator, "a claim", otherDocumentId, "Another article with a claim.");
    const cases: [unknown, number, RegExp][] = [
      [{ type: "same-claim", fromId: a, toId: a }, 400, /toId: .*same annotation/],
      [{ type: "cites", fromId: a, toId: b }, 400, /type: Unknown relation type "cites"; the project's types are embedded-in, same-claim, responds-to/],
      [{ type: "same-claim", fromId: a }, 400, /toId/],
      [{ type: "same-claim", fromId: a, toId: b, extra: 1 }, 400, /extra/],
      [{ type: "same-claim", fromId: a, toId: crypto.randomUUID() }, 404, /toId: no span .* in your layer of this document/],
      [{ type: "same-claim", fromId: a, toId: theirs }, 404, /toId: no span/],
      [{ type: "same-claim", fromId: elsewhere, toId: b }, 404, /fromId: no span/],
    ];
    for (const [input, status, message] of cases) {
      const error = await errorOf(createRelation(team.annotator, documentId, input));
      expect(error.status, JSON.stringify(input)).toBe(status);
      expect(error.message).toMatch(message);
    }
    await createRelation(team.annotator, documentId, { type: "same-claim", fromId: a, toId: b });
    const duplicate = await errorOf(createRelation(team.annotator, documentId, { type: "same-claim", fromId: a, toId: b }));
    expect([duplicate.status, duplicate.message]).toEqual([409, "These spans are already linked as same-claim."]);
  });

  it("keeps layers blind: another annotator neither sees nor changes my relations, a reviewer reads them", async () => {
    const [from, to] = [await claim(team.annotator, "Later"), await claim(team.annotator, "repeated")];
    const { relation } = await createRelation(team.annotator, documentId, { type: "responds-to", fromId: from, toId: to });
    expect((await listRelations(team.annotator2, documentId, "mine")).items.map((r) => r.id)).not.toContain(relation.id);
    expect((await errorOf(listRelations(team.annotator2, documentId, `user:${team.annotator.id}`))).status).toBe(403);
    expect((await listRelations(team.reviewer, documentId, `user:${team.annotator.id}`)).items.map((r) => r.id)).toContain(relation.id);
    expect((await errorOf(deleteRelation(team.annotator2, relation.id, { version: 1 }))).status).toBe(404);
    expect((await errorOf(updateRelation(team.outsider, relation.id, { version: 1, type: "same-claim" }))).message).toBe("Relation not found.");
    expect((await errorOf(updateRelation(team.reviewer, relation.id, { version: 1, type: "same-claim" }))).status).toBe(403);
  });
});

describe("changing and deleting relations", () => {
  it("updates with the current version, 409 with the current state on a stale one", async () => {
    const [from, to] = [await claim(team.annotator, "minister"), await claim(team.annotator, "entirely")];
    const { relation } = await createRelation(team.annotator, documentId, { type: "same-claim", fromId: from, toId: to });
    const updated = await updateRelation(team.annotator, relation.id, { version: 1, type: "responds-to", fromId: to, toId: from });
    expect(updated).toMatchObject({ version: 2, type: "responds-to", fromId: to, toId: from });
    const stale = await errorOf(updateRelation(team.annotator, relation.id, { version: 1, type: "embedded-in" }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: { version: number } }).current.version).toBe(2);
    expect((await errorOf(updateRelation(team.annotator, relation.id, { version: 2, toId: to }))).message).toMatch(/same annotation/);
    expect((await errorOf(deleteRelation(team.annotator, relation.id, { version: 1 }))).status).toBe(409);
    await deleteRelation(team.annotator, relation.id, { version: 2 });
    expect(await prisma().annotationRelation.count({ where: { id: relation.id } })).toBe(0);
    const deleted = await prisma().auditEvent.findFirstOrThrow({ where: { action: "annotation.relation.delete", before: { path: ["id"], equals: relation.id } } });
    expect(deleted.actorId).toBe(team.annotator.id);
  });

  it("deleting an annotation deletes its relations, each audited with what undo needs", async () => {
    const [quote, aside, repeat] = [await claim(team.annotator, "We reject"), await claim(team.annotator, "made in May"), await claim(team.annotator, "he rejects")];
    const out = await createRelation(team.annotator, documentId, { type: "embedded-in", fromId: aside, toId: quote });
    const into = await createRelation(team.annotator, documentId, { type: "same-claim", fromId: repeat, toId: quote });
    const keep = await createRelation(team.annotator, documentId, { type: "responds-to", fromId: repeat, toId: aside });
    const version = (await prisma().annotation.findUniqueOrThrow({ where: { id: quote } })).version;
    await deleteAnnotation(team.annotator, quote, { version });
    const left = (await listRelations(team.annotator, documentId, "mine")).items.map((r) => r.id);
    expect(left).toContain(keep.relation.id);
    expect(left).not.toContain(out.relation.id);
    expect(left).not.toContain(into.relation.id);
    const audits = await prisma().auditEvent.findMany({ where: { action: "annotation.relation.delete", documentId }, orderBy: { id: "asc" } });
    const befores = audits.map((a) => a.before as { id: string; type: string; fromId: string; toId: string });
    expect(befores).toEqual(expect.arrayContaining([expect.objectContaining({ id: out.relation.id, fromId: aside, toId: quote }), expect.objectContaining({ id: into.relation.id, type: "same-claim" })]));
  });
});

describe("relation types in the label schema", () => {
  it("adds a type, and refuses to remove one in use with a clear message", async () => {
    const schema = { ...defaultLabelSchema(), relationTypes: [{ name: "embedded-in", label: "Embedded in" }, { name: "same-claim", label: "Same claim" }, { name: "responds-to", label: "Responds to" }, { name: "cites", label: "Cites" }] };
    await updateLabelSchema(team.manager, team.project.id, { labelSchema: schema });
    const [a, b] = [await claim(team.annotator, "Later he"), await claim(team.annotator, "that he")];
    await createRelation(team.annotator, documentId, { type: "cites", fromId: a, toId: b });
    const refused = await errorOf(updateLabelSchema(team.manager, team.project.id, { labelSchema: { ...schema, relationTypes: schema.relationTypes.slice(0, 3) } }));
    expect(refused.status).toBe(409);
    expect(refused.message).toBe("Still in use, so it cannot be removed — retire it instead: relation type cites (1 relation).");
    const retired = schema.relationTypes.map((t) => (t.name === "cites" ? { ...t, retired: true } : t));
    await updateLabelSchema(team.manager, team.project.id, { labelSchema: { ...schema, relationTypes: retired } });
    expect((await errorOf(createRelation(team.annotator, documentId, { type: "cites", fromId: b, toId: a }))).message).toMatch(/retired/);
    const bad = await errorOf(updateLabelSchema(team.manager, team.project.id, { labelSchema: { ...schema, relationTypes: [{ name: "Embedded In", label: "x" }] } }));
    expect(bad.status).toBe(400);
  });
});
