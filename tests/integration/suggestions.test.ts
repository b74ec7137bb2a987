import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST as runRoute } from "@/app/api/v1/projects/[projectId]/suggestions/run/route";
import { GET as listRoute } from "@/app/api/v1/documents/[documentId]/suggestions/route";
import { POST as decideRoute } from "@/app/api/v1/suggestions/[suggestionId]/decision/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { importJsonArticles, importUploadedFile } from "@/lib/documents/import-files";
import { createImportTask } from "@/lib/documents/import-task";
import { deleteDocument } from "@/lib/documents/manage-document";
import { updateProject } from "@/lib/projects/projects";
import { updateSuggesterSettings } from "@/lib/projects/update-suggester-settings";
import { decideSuggestion } from "@/lib/suggestion-runs/decide-suggestion";
import { listDocumentSuggestions } from "@/lib/suggestion-runs/list-suggestions";
import { createSuggestionTask } from "@/lib/suggestion-runs/suggestion-task";
import { listSpeakerProposals } from "@/lib/suggestion-runs/speaker-proposals";
import { getRuleCounts, getSuggestionStats } from "@/lib/suggestion-runs/suggestion-stats";
import { createEntity, mergeEntity } from "@/lib/entities/entities";
import { makeTeam } from "./factories";
import { errorOf } from "./error-of";

process.env.STANCEBENCH_JOBS = "inline";

// Fires every suggester: a claim (a percentage), a direct quote by a registry entity, an
// indirect quote by an unknown person and an editor's aside; the emoji makes UTF-16 ≠ code points.
const TEXT =
  '😀 Trade grew by 40% in 2022.\n\n"We will never give up," said Vladimir Putin. The Sinologist Ivan Zuenko said that relations are strong.\n\n(Note: this text was shortened — Approx. InoSMI)';

async function setup() {
  const team = await makeTeam();
  const putin = await prisma().entity.create({ data: { projectId: team.project.id, name: "Vladimir Putin", aliases: ["Putin"], type: "PERSON" }, select: { id: true } });
  const [result] = await importJsonArticles({ projectId: team.project.id, userId: team.manager.id }, { title: "Sample", text: TEXT });
  const documentId = result!.id!;
  await prisma().assignment.create({ data: { documentId, userId: team.annotator.id, role: "ANNOTATOR" } });
  return { ...team, documentId, putinId: putin.id };
}

const byRule = async (user: AuthenticatedUser, documentId: string) =>
  Object.fromEntries((await listDocumentSuggestions(user, documentId)).items.map((s) => [s.rule, s]));

describe("suggestions after import", () => {
  it("are stored for every imported document by a SUGGEST task, with code-point offsets and matched speakers", async () => {
    const { project, reviewer, documentId, putinId } = await setup();
    const task = await prisma().task.findFirstOrThrow({ where: { projectId: project.id, kind: "SUGGEST" } });
    expect(task).toMatchObject({ status: "DONE", total: 1, done: 1 });
    expect(task.result).toMatchObject({ documentIds: [documentId], suggestions: 4, skipped: 0, failed: 0 });

    const { items } = await listDocumentSuggestions(reviewer, documentId);
    expect(items.map((s) => [s.suggester, s.rule, s.text])).toEqual([
      ["claim", "claim.percent", "😀 Trade grew by 40% in 2022."],
      ["quote", "quote.direct-after", "We will never give up"],
      ["quote", "quote.indirect-that", "relations are strong"],
      ["editorial", "editorial.approx-outlet", "(Note: this text was shortened — Approx. InoSMI)"],
    ]);
    const codePoints = Array.from(TEXT);
    for (const s of items) expect(codePoints.slice(s.start, s.end).join("")).toBe(s.text);
    const [claim, direct, indirect, editorial] = items;
    expect(Object.keys(direct!).sort()).toEqual(["attributes", "confidence", "end", "entityId", "id", "rule", "speakerName", "start", "status", "suggester", "text", "type"]);
    expect(claim).toMatchObject({ type: "CLAIM", start: 0, attributes: { checkworthy: "yes" }, speakerName: null, entityId: null, status: "PENDING" });
    expect(direct).toMatchObject({ type: "QUOTE", speakerName: "Vladimir Putin", entityId: putinId, attributes: { form: "direct" } });
    // A name not in the registry is proposed: a speaker name without an entity id.
    expect(indirect).toMatchObject({ speakerName: "Ivan Zuenko", entityId: null, attributes: { form: "indirect" } });
    expect(editorial).toMatchObject({ type: "EDITORIAL", attributes: { kind: "editor-aside" } });
    const cue = direct!.attributes.cue as { start: number; end: number };
    expect(codePoints.slice(cue.start, cue.end).join("")).toBe("said");
  });

  it("runs once per uploaded file and skips documents that were duplicates", async () => {
    const { project, manager } = await makeTeam();
    const corpus = path.join(__dirname, "..", "..", "prisma", "seed-data");
    const file = fs.readdirSync(corpus).find((f) => f.endsWith(".txt"))!;
    const ctx = { projectId: project.id, userId: manager.id };
    const [first] = await importUploadedFile(ctx, { name: file, bytes: fs.readFileSync(path.join(corpus, file)) });
    await importUploadedFile(ctx, { name: file, bytes: fs.readFileSync(path.join(corpus, file)) });
    const tasks = await prisma().task.findMany({ where: { projectId: project.id, kind: "SUGGEST" } });
    expect(tasks).toHaveLength(1);
    expect(await prisma().suggestion.count({ where: { documentId: first!.id! } })).toBeGreaterThan(5);
  });

  it("run once for a whole background import batch", async () => {
    const { project, manager } = await makeTeam();
    const files = ["First article. Trade grew by 40% in 2022.", "Second article. Exports grew by 12% in 2023."].map((text, i) => ({
      name: `a${i}.txt`,
      bytes: new Uint8Array(Buffer.from(text)),
    }));
    const { taskId } = await createImportTask(manager, project.id, files);
    const docs = await prisma().document.findMany({ where: { projectId: project.id }, select: { id: true } });
    expect(docs).toHaveLength(2);
    const suggest = await prisma().task.findMany({ where: { projectId: project.id, kind: "SUGGEST" } });
    expect(suggest).toHaveLength(1);
    expect(suggest[0]).toMatchObject({ status: "DONE", total: 2, done: 2, createdById: manager.id });
    expect(new Set((suggest[0]!.result as { documentIds: string[] }).documentIds)).toEqual(new Set(docs.map((d) => d.id)));
    expect(await prisma().suggestion.count({ where: { documentId: { in: docs.map((d) => d.id) }, suggester: "claim" } })).toBe(2);
    expect(taskId).not.toBe(suggest[0]!.id);
  });

  it("go with their document when it is deleted", async () => {
    const { manager, documentId } = await setup();
    await prisma().assignment.deleteMany({ where: { documentId } });
    await deleteDocument(manager, documentId);
    expect(await prisma().suggestion.count({ where: { documentId } })).toBe(0);
  });

  it("do not use merged entities, and match a speaker through an alias", async () => {
    const { project, manager } = await makeTeam();
    const target = await prisma().entity.create({ data: { projectId: project.id, name: "V. Putin", aliases: ["Vladimir Putin"], type: "PERSON" } });
    await prisma().entity.create({ data: { projectId: project.id, name: "Vladimir Putin (old)", aliases: ["Vladimir Putin"], type: "PERSON", mergedIntoId: target.id } });
    const [result] = await importJsonArticles({ projectId: project.id, userId: manager.id }, { text: TEXT });
    const direct = (await byRule(manager, result!.id!))["quote.direct-after"];
    expect(direct?.entityId).toBe(target.id);
  });
});

describe("speakers", () => {
  it("are resolved when read: a name added to the registry links at once, a merged entity points at its target", async () => {
    const { manager, documentId, putinId, project } = await setup();
    const zuenko = await createEntity(manager, project.id, { name: "Ivan Zuenko", type: "person" });
    let s = await byRule(manager, documentId);
    expect(s["quote.indirect-that"]?.entityId).toBe(zuenko.id);
    const president = await createEntity(manager, project.id, { name: "President of Russia", type: "person" });
    await mergeEntity(manager, project.id, putinId, { into: president.id });
    s = await byRule(manager, documentId);
    expect(s["quote.direct-after"]?.entityId).toBe(president.id);
  });

  it("not in the registry are proposed as new names, with spelling variants proposed for merge", async () => {
    const { manager, annotator, project } = await makeTeam();
    const zelenskyy = await prisma().entity.create({ data: { projectId: project.id, name: "Volodymyr Zelenskyy", type: "PERSON" } });
    const zelenskiy = await prisma().entity.create({ data: { projectId: project.id, name: "Zelenskiy", type: "PERSON" } });
    const text = '"Trade is growing," Ivan Zuenko said. Ivan Zuenko said that ties are strong. "No," said Ivan Zuyenko.';
    await importJsonArticles({ projectId: project.id, userId: manager.id }, { text });
    const proposals = await listSpeakerProposals(manager, project.id);
    expect(proposals.newNames).toEqual([
      { name: "Ivan Zuenko", quotes: 2 },
      { name: "Ivan Zuyenko", quotes: 1 },
    ]);
    const pairs = proposals.merges.map((m) => [m.a, m.b].map((x) => `${x.name}${x.id ? ` #${x.id}` : " (new)"}`).sort());
    expect(pairs).toContainEqual([`Volodymyr Zelenskyy #${zelenskyy.id}`, `Zelenskiy #${zelenskiy.id}`].sort());
    expect(pairs).toContainEqual(["Ivan Zuenko (new)", "Ivan Zuyenko (new)"]);
    await createEntity(manager, project.id, { name: "Ivan Zuenko", aliases: ["Ivan Zuyenko"] });
    expect((await listSpeakerProposals(manager, project.id)).newNames).toEqual([]);
    expect((await errorOf(listSpeakerProposals(annotator, project.id))).status).toBe(403);
  });
});

describe("GET suggestions", () => {
  it("is 404 for a non-member and for an unknown document", async () => {
    const { outsider, manager, documentId } = await setup();
    expect((await errorOf(listDocumentSuggestions(outsider, documentId))).code).toBe("not_found");
    expect((await errorOf(listDocumentSuggestions(manager, "no-such-document"))).code).toBe("not_found");
  });

  it("answers over HTTP with {items}", async () => {
    const { reviewer, documentId } = await setup();
    const { token } = await createApiToken(reviewer.id, "test");
    const res = await listRoute(new Request("http://test/", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ documentId }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { text: string }[] };
    expect(body.items).toHaveLength(4);
    const badToken = await listRoute(new Request("http://test/", { headers: { authorization: "Bearer sbt_nope" } }), { params: Promise.resolve({ documentId }) });
    expect(badToken.status).toBe(401);
  });
});

describe("deciding a suggestion", () => {
  it("records the decision, who and when, and writes an audit event", async () => {
    const { annotator, documentId } = await setup();
    const claim = (await byRule(annotator, documentId))["claim.percent"]!;
    const decided = await decideSuggestion(annotator, claim.id, { decision: "accepted" });
    expect(decided).toMatchObject({ id: claim.id, status: "ACCEPTED", text: claim.text });
    const row = await prisma().suggestion.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row.decidedById).toBe(annotator.id);
    expect(row.decidedAt).toBeInstanceOf(Date);
    // Deciding is annotation work: it starts the assignment like a first write does.
    expect((await prisma().assignment.findFirstOrThrow({ where: { documentId, userId: annotator.id } })).state).toBe("IN_PROGRESS");
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { documentId, action: "suggestion.decide" } });
    expect(audit).toMatchObject({ actorId: annotator.id, before: { status: "PENDING" }, after: { status: "ACCEPTED", rule: "claim.percent" } });
  });

  it("is idempotent for the same decision and 409 for the other, with the current state", async () => {
    const { annotator, annotator2, documentId } = await setup();
    await prisma().assignment.create({ data: { documentId, userId: annotator2.id, role: "ANNOTATOR" } });
    const quote = (await byRule(annotator, documentId))["quote.direct-after"]!;
    await decideSuggestion(annotator, quote.id, { decision: "rejected" });
    expect((await decideSuggestion(annotator2, quote.id, { decision: "rejected" })).status).toBe("REJECTED");
    const conflict = await errorOf(decideSuggestion(annotator2, quote.id, { decision: "accepted" }));
    expect(conflict.status).toBe(409);
    expect(conflict.message).toBe("This suggestion was already rejected.");
    expect(conflict.details?.current).toMatchObject({ id: quote.id, status: "REJECTED", decidedById: annotator.id });
    expect(await prisma().auditEvent.count({ where: { documentId, action: "suggestion.decide" } })).toBe(1);
  });

  it("refuses bad input with 400 and changes nothing", async () => {
    const { annotator, documentId } = await setup();
    const claim = (await byRule(annotator, documentId))["claim.percent"]!;
    for (const body of [{}, { decision: "maybe" }, { decision: "ACCEPTED" }, null, "accepted"]) {
      const error = await errorOf(decideSuggestion(annotator, claim.id, body));
      expect(error.status, JSON.stringify(body)).toBe(400);
    }
    expect((await errorOf(decideSuggestion(annotator, claim.id, { decision: "maybe" }))).details?.fields).toEqual({
      decision: ['decision must be "accepted" or "rejected"'],
    });
    expect((await prisma().suggestion.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe("PENDING");
  });

  it("is for annotators assigned to the document: 403 for other roles and the unassigned, 404 for outsiders and unknown ids", async () => {
    const { annotator2, manager, reviewer, outsider, documentId } = await setup();
    const claim = (await byRule(manager, documentId))["claim.percent"]!;
    const body = { decision: "accepted" };
    for (const user of [manager, reviewer]) {
      const error = await errorOf(decideSuggestion(user, claim.id, body));
      expect(error.status).toBe(403);
    }
    const unassigned = await errorOf(decideSuggestion(annotator2, claim.id, body));
    expect(unassigned.status).toBe(403);
    expect(unassigned.message).toBe("This document is not assigned to you for annotation.");
    const foreign = await errorOf(decideSuggestion(outsider, claim.id, body));
    expect([foreign.status, foreign.message]).toEqual([404, "Suggestion not found."]);
    expect((await errorOf(decideSuggestion(manager, "no-such-suggestion", body))).status).toBe(404);
    expect((await prisma().suggestion.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe("PENDING");
  });

  it("is 409 once the annotator submitted or the document is signed off", async () => {
    const { annotator, documentId } = await setup();
    const claim = (await byRule(annotator, documentId))["claim.percent"]!;
    await prisma().assignment.updateMany({ where: { documentId, userId: annotator.id }, data: { state: "SUBMITTED" } });
    const submitted = await errorOf(decideSuggestion(annotator, claim.id, { decision: "accepted" }));
    expect([submitted.status, submitted.message]).toEqual([409, "You submitted this document; your layer is read-only until a reviewer returns it."]);
    await prisma().assignment.updateMany({ where: { documentId, userId: annotator.id }, data: { state: "IN_PROGRESS" } });
    await prisma().document.update({ where: { id: documentId }, data: { state: "SIGNED_OFF" } });
    const signed = await errorOf(decideSuggestion(annotator, claim.id, { decision: "accepted" }));
    expect(signed.status).toBe(409);
    expect(signed.message).toMatch(/signed off/);
  });

  it("answers over HTTP: 200, then 409 for the other decision, 400 for malformed JSON", async () => {
    const { annotator, documentId } = await setup();
    const claim = (await byRule(annotator, documentId))["claim.percent"]!;
    const { token } = await createApiToken(annotator.id, "test");
    const call = (body: string) =>
      decideRoute(new Request("http://test/", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body }), {
        params: Promise.resolve({ suggestionId: claim.id }),
      });
    expect((await call('{"decision":"accepted"}')).status).toBe(200);
    const conflict = await call('{"decision":"rejected"}');
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { error: { code: string } }).error.code).toBe("conflict");
    expect((await call("{not json")).status).toBe(400);
  });
});

describe("re-running suggestions", () => {
  it("replaces pending suggestions, keeps decided ones and does not propose a decided span again", async () => {
    const { annotator, manager, documentId, project } = await setup();
    const before = await byRule(manager, documentId);
    await decideSuggestion(annotator, before["claim.percent"]!.id, { decision: "accepted" });
    await decideSuggestion(annotator, before["quote.direct-after"]!.id, { decision: "rejected" });
    const { taskId } = await createSuggestionTask(manager, project.id, { documentIds: [documentId, documentId] });
    const task = await prisma().task.findUniqueOrThrow({ where: { id: taskId } });
    expect(task).toMatchObject({ kind: "SUGGEST", status: "DONE", total: 1, done: 1, createdById: manager.id });
    expect(task.result).toMatchObject({ suggestions: 2 });

    const after = (await listDocumentSuggestions(manager, documentId)).items;
    expect(after).toHaveLength(4);
    expect(after.filter((s) => s.status !== "PENDING").map((s) => [s.id, s.status])).toEqual([
      [before["claim.percent"]!.id, "ACCEPTED"],
      [before["quote.direct-after"]!.id, "REJECTED"],
    ]);
    const pending = after.filter((s) => s.status === "PENDING");
    expect(pending.map((s) => s.rule)).toEqual(["quote.indirect-that", "editorial.approx-outlet"]);
    expect(pending.map((s) => s.id)).not.toContain(before["quote.indirect-that"]!.id);
  });

  it("produces nothing from a suggester the manager switched off", async () => {
    const { manager, documentId, project } = await setup();
    await updateSuggesterSettings(manager, project.id, { editorial: false, quote: false, claim: true });
    const settings = (await prisma().project.findUniqueOrThrow({ where: { id: project.id } })).settings as { suggesters: unknown; license: string };
    expect(settings.suggesters).toEqual({ editorial: false, quote: false, claim: true });
    expect(settings.license).toBe("CC-BY-4.0");
    await createSuggestionTask(manager, project.id, { documentIds: [documentId] });
    expect((await listDocumentSuggestions(manager, documentId)).items.map((s) => s.suggester)).toEqual(["claim"]);
    expect(await prisma().auditEvent.count({ where: { projectId: project.id, action: "project.suggesters" } })).toBe(1);
  });

  it("can also be switched through the project settings update, which keeps them when left out", async () => {
    const { manager, project } = await makeTeam();
    const base = { name: "P", description: "", stanceTargets: ["Ukraine"], preAcceptAgreed: true, membersMayDownload: false, license: "CC0", sourceDescription: "" };
    await updateProject(manager, project.id, { ...base, suggesters: { editorial: true, quote: false, claim: false } });
    await updateProject(manager, project.id, base);
    const settings = (await prisma().project.findUniqueOrThrow({ where: { id: project.id } })).settings as { suggesters: unknown; license: string };
    expect(settings).toMatchObject({ suggesters: { editorial: true, quote: false, claim: false }, license: "CC0" });
    expect((await errorOf(updateProject(manager, project.id, { ...base, suggesters: { editorial: 1 } }))).status).toBe(400);
  });

  it("suggester settings: managers only (403), members only (404), three booleans (400)", async () => {
    const { annotator, outsider, manager, project } = await setup();
    const on = { editorial: true, quote: true, claim: true };
    expect((await errorOf(updateSuggesterSettings(annotator, project.id, on))).status).toBe(403);
    expect((await errorOf(updateSuggesterSettings(outsider, project.id, on))).status).toBe(404);
    const bad = await errorOf(updateSuggesterSettings(manager, project.id, { editorial: "yes", quote: true }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.details?.fields as object).sort()).toEqual(["claim", "editorial"]);
  });

  it("refuses non-managers (403), outsiders (404), bad input (400) and documents of another project (404)", async () => {
    const { annotator, reviewer, outsider, manager, documentId, project } = await setup();
    const other = await setup();
    for (const user of [annotator, reviewer]) expect((await errorOf(createSuggestionTask(user, project.id, { documentIds: [documentId] }))).status).toBe(403);
    expect((await errorOf(createSuggestionTask(outsider, project.id, { documentIds: [documentId] }))).status).toBe(404);
    for (const body of [{}, { documentIds: [] }, { documentIds: [""] }, { documentIds: "x" }, { documentIds: Array.from({ length: 501 }, (_, i) => `d${i}`) }]) {
      expect((await errorOf(createSuggestionTask(manager, project.id, body))).status, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
    const foreign = await errorOf(createSuggestionTask(manager, project.id, { documentIds: [documentId, other.documentId] }));
    expect(foreign.status).toBe(404);
    expect(foreign.details).toEqual({ missing: [other.documentId] });
    expect(await prisma().task.count({ where: { projectId: project.id, kind: "SUGGEST" } })).toBe(1);
  });

  it("answers 202 with the task id over HTTP", async () => {
    const { manager, documentId, project } = await setup();
    const { token } = await createApiToken(manager.id, "test");
    const res = await runRoute(
      new Request("http://test/", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ documentIds: [documentId] }) }),
      { params: Promise.resolve({ projectId: project.id }) },
    );
    expect(res.status).toBe(202);
    const { taskId } = (await res.json()) as { taskId: string };
    expect((await prisma().task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("DONE");
  });

  it("counts a document deleted before its turn as skipped", async () => {
    const { manager, project } = await makeTeam();
    const created = await prisma().task.create({
      data: { projectId: project.id, kind: "SUGGEST", total: 1, result: { documentIds: ["gone"], suggestions: 0, skipped: 0, failed: 0 } },
    });
    const { runSuggestionTask } = await import("@/lib/suggestion-runs/suggestion-task");
    await runSuggestionTask({ taskId: created.id });
    const task = await prisma().task.findUniqueOrThrow({ where: { id: created.id } });
    expect(task).toMatchObject({ status: "DONE", done: 1, result: { skipped: 1, suggestions: 0 } });
    expect(manager.id).toBeTruthy();
  });
});

describe("suggester precision", () => {
  it("is accepted / (accepted + rejected) per kind, for managers only", async () => {
    const { annotator, manager, reviewer, documentId, project } = await setup();
    const s = await byRule(manager, documentId);
    await decideSuggestion(annotator, s["quote.direct-after"]!.id, { decision: "accepted" });
    await decideSuggestion(annotator, s["quote.indirect-that"]!.id, { decision: "rejected" });
    await decideSuggestion(annotator, s["claim.percent"]!.id, { decision: "accepted" });
    expect(await getSuggestionStats(manager, project.id)).toEqual([
      { suggester: "editorial", accepted: 0, rejected: 0, pending: 1, precision: null },
      { suggester: "quote", accepted: 1, rejected: 1, pending: 0, precision: 0.5 },
      { suggester: "claim", accepted: 1, rejected: 0, pending: 0, precision: 1 },
    ]);
    expect((await errorOf(getSuggestionStats(reviewer, project.id))).status).toBe(403);
    const rules = await getRuleCounts(manager, project.id);
    // Each rule's confidence moves with its decisions: up when accepted, down when rejected.
    for (const r of rules) {
      if (r.accepted > 0) expect(r.learned).toBeGreaterThan(r.calibrated);
      else if (r.rejected > 0) expect(r.learned).toBeLessThan(r.calibrated);
      else expect(r.learned).toBeCloseTo(r.calibrated, 9);
    }
    expect(rules.map(({ calibrated: _c, learned: _l, ...counts }) => counts)).toEqual([
      { suggester: "claim", rule: "claim.percent", accepted: 1, rejected: 0, pending: 0 },
      { suggester: "quote", rule: "quote.direct-after", accepted: 1, rejected: 0, pending: 0 },
      { suggester: "quote", rule: "quote.indirect-that", accepted: 0, rejected: 1, pending: 0 },
      { suggester: "editorial", rule: "editorial.approx-outlet", accepted: 0, rejected: 0, pending: 1 },
    ]);
    expect((await errorOf(getRuleCounts(annotator, project.id))).status).toBe(403);
  });
});
