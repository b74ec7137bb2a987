import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { deleteAnnotation } from "@/lib/annotations/change-annotation";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { prisma } from "@/lib/db/prisma";
import { getAnnotationHistory } from "@/lib/history/annotation-history";
import { getDocumentHistory } from "@/lib/history/document-history";
import { bulkAssign } from "@/lib/workflow/bulk-assign";
import { createAssignment } from "@/lib/workflow/create-assignment";
import { deleteAssignment } from "@/lib/workflow/delete-assignment";
import { listDocumentAssignments } from "@/lib/workflow/list-assignments";
import { listMyWork } from "@/lib/workflow/list-my-work";
import { reopenDocument } from "@/lib/workflow/reopen-document";
import { returnAssignment } from "@/lib/workflow/return-assignment";
import { startAssignment } from "@/lib/workflow/start-assignment";
import { submitAssignment } from "@/lib/workflow/submit-assignment";
import { errorOf, makeDocument } from "./document-factory";
import { makeProject, makeTeam, makeUser } from "./factories";

const documentState = async (id: string) => (await prisma().document.findUniqueOrThrow({ where: { id }, select: { state: true } })).state;
const actions = async (documentId: string) =>
  (await prisma().auditEvent.findMany({ where: { documentId }, orderBy: { id: "asc" }, select: { action: true } })).map((e) => e.action);

/** A team, a document and both annotators assigned (plus the reviewer). */
async function assignedDocument() {
  const team = await makeTeam();
  const doc = await makeDocument(team.project.id);
  const a1 = await createAssignment(team.manager, doc.id, { userId: team.annotator.id, role: "annotator" });
  const a2 = await createAssignment(team.manager, doc.id, { userId: team.annotator2.id, role: "annotator" });
  const rv = await createAssignment(team.manager, doc.id, { userId: team.reviewer.id, role: "reviewer" });
  return { ...team, doc, a1, a2, rv };
}

describe("creating assignments", () => {
  it("assigns a member holding the role and records assignment.create", async () => {
    const { project, manager, annotator } = await makeTeam();
    const doc = await makeDocument(project.id);
    const created = await createAssignment(manager, doc.id, { userId: annotator.id, role: "annotator" });
    expect(created).toMatchObject({ documentId: doc.id, userId: annotator.id, role: "annotator", state: "ASSIGNED", version: 1, user: { name: "Annotator" } });
    const event = await prisma().auditEvent.findFirstOrThrow({ where: { documentId: doc.id, action: "assignment.create" } });
    expect(event.actorId).toBe(manager.id);
    expect(event.after).toMatchObject({ id: created.id, userId: annotator.id, role: "ANNOTATOR", state: "ASSIGNED" });
    expect((await listDocumentAssignments(annotator, doc.id)).map((a) => a.id)).toEqual([created.id]);
  });

  it("refuses a duplicate with 409 and the existing id", async () => {
    const { project, manager, annotator } = await makeTeam();
    const doc = await makeDocument(project.id);
    const first = await createAssignment(manager, doc.id, { userId: annotator.id, role: "annotator" });
    const error = await errorOf(createAssignment(manager, doc.id, { userId: annotator.id, role: "annotator" }));
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ existingId: first.id });
  });

  it("says precisely why a user cannot be assigned (400)", async () => {
    const { project, manager, reviewer, outsider } = await makeTeam();
    const doc = await makeDocument(project.id);
    const wrongRole = await errorOf(createAssignment(manager, doc.id, { userId: reviewer.id, role: "annotator" }));
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.message).toBe(`Reviewer (${reviewer.email}) does not hold the annotator role in this project (roles: reviewer).`);
    expect(wrongRole.details).toMatchObject({ fields: { userId: [wrongRole.message] } });
    const notMember = await errorOf(createAssignment(manager, doc.id, { userId: outsider.id, role: "annotator" }));
    expect(notMember.message).toBe(`Outsider (${outsider.email}) is not a member of this project.`);
    const unknown = await errorOf(createAssignment(manager, doc.id, { userId: "nobody", role: "reviewer" }));
    expect(unknown.message).toBe("No user has the id nobody.");
    const badRole = await errorOf(createAssignment(manager, doc.id, { userId: reviewer.id, role: "boss" }));
    expect(badRole.details).toMatchObject({ fields: { role: ["Role must be annotator or reviewer"] } });
  });

  it("is for managers: annotator 403, outsider and unknown document 404", async () => {
    const { project, annotator, annotator2, outsider, manager } = await makeTeam();
    const doc = await makeDocument(project.id);
    expect((await errorOf(createAssignment(annotator, doc.id, { userId: annotator2.id, role: "annotator" }))).status).toBe(403);
    expect((await errorOf(createAssignment(outsider, doc.id, { userId: annotator2.id, role: "annotator" }))).status).toBe(404);
    expect((await errorOf(createAssignment(manager, "missing", { userId: annotator2.id, role: "annotator" }))).status).toBe(404);
    expect((await errorOf(listDocumentAssignments(outsider, doc.id))).status).toBe(404);
  });

  it("a new annotator sends a ready document back to annotating; in review or signed off it is refused with the state", async () => {
    const { project, manager, annotator, annotator2, reviewer } = await makeTeam();
    const ready = await makeDocument(project.id, { state: "READY_FOR_REVIEW" });
    await createAssignment(manager, ready.id, { userId: annotator.id, role: "annotator" });
    expect(await documentState(ready.id)).toBe("ANNOTATING");
    const event = await prisma().auditEvent.findFirstOrThrow({ where: { documentId: ready.id, action: "document.state" } });
    expect(event.before).toEqual({ state: "READY_FOR_REVIEW" });
    expect(event.after).toMatchObject({ state: "ANNOTATING", event: "annotatorAdded" });

    const inReview = await makeDocument(project.id, { state: "IN_REVIEW" });
    const refused = await errorOf(createAssignment(manager, inReview.id, { userId: annotator2.id, role: "annotator" }));
    expect(refused.status).toBe(409);
    expect(refused.details).toMatchObject({ current: "IN_REVIEW" });
    // A reviewer can still join a document in review, but nobody joins a signed-off one.
    await createAssignment(manager, inReview.id, { userId: reviewer.id, role: "reviewer" });
    const signed = await makeDocument(project.id, { state: "SIGNED_OFF" });
    const refusedReviewer = await errorOf(createAssignment(manager, signed.id, { userId: reviewer.id, role: "reviewer" }));
    expect(refusedReviewer.details).toMatchObject({ current: "SIGNED_OFF" });
    expect(await prisma().assignment.count({ where: { documentId: { in: [inReview.id, signed.id] }, role: "ANNOTATOR" } })).toBe(0);
  });
});

describe("starting", () => {
  it("the first write moves ASSIGNED → IN_PROGRESS once, with an audit row", async () => {
    const { project, doc, a1, annotator } = await assignedDocument();
    const input = { assignmentId: a1.id, projectId: project.id, documentId: doc.id, actorId: annotator.id };
    expect(await prisma().$transaction((tx) => startAssignment(tx, input))).toBe(true);
    expect(await prisma().$transaction((tx) => startAssignment(tx, input))).toBe(false);
    expect(await prisma().assignment.findUniqueOrThrow({ where: { id: a1.id } })).toMatchObject({ state: "IN_PROGRESS", version: 2 });
    const event = await prisma().auditEvent.findFirstOrThrow({ where: { documentId: doc.id, action: "assignment.start" } });
    expect(event.before).toMatchObject({ state: "ASSIGNED", version: 1 });
    expect(event.after).toMatchObject({ state: "IN_PROGRESS", version: 2 });
  });
});

describe("submitting", () => {
  it("the last annotator's submit moves the document to ready for review, in the same transaction as the audit", async () => {
    const { doc, a1, a2, annotator, annotator2 } = await assignedDocument();
    const first = await submitAssignment(annotator, a1.id, {});
    expect(first.assignment).toMatchObject({ state: "SUBMITTED", version: 2 });
    // An ISO timestamp, as the API's assignment schema says.
    expect(first.assignment.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(first.documentState).toBe("ANNOTATING");
    const second = await submitAssignment(annotator2, a2.id, { version: 1 });
    expect(second.documentState).toBe("READY_FOR_REVIEW");
    expect(await documentState(doc.id)).toBe("READY_FOR_REVIEW");
    const log = await actions(doc.id);
    expect(log.filter((a) => a === "assignment.submit")).toHaveLength(2);
    expect(log.at(-1)).toBe("document.state");
    const submit = await prisma().auditEvent.findFirstOrThrow({ where: { documentId: doc.id, action: "assignment.submit", actorId: annotator.id } });
    expect(submit.before).toMatchObject({ state: "ASSIGNED", version: 1 });
    expect(submit.after).toMatchObject({ state: "SUBMITTED", version: 2 });
  });

  it("only your own assignment, only as annotator: 403; outsider and unknown id 404", async () => {
    const { a1, annotator2, manager, reviewer, outsider, annotator } = await assignedDocument();
    const other = await errorOf(submitAssignment(annotator2, a1.id, {}));
    expect(other.status).toBe(403);
    expect(other.message).toBe("You can only submit your own assignment.");
    expect((await errorOf(submitAssignment(manager, a1.id, {}))).status).toBe(403);
    expect((await errorOf(submitAssignment(reviewer, a1.id, {}))).status).toBe(403);
    expect((await errorOf(submitAssignment(outsider, a1.id, {}))).status).toBe(404);
    expect((await errorOf(submitAssignment(annotator, "missing", {}))).status).toBe(404);
  });

  it("submitting twice is 409 with the current state; a stale version is 409 too; bad version 400", async () => {
    const { a1, annotator } = await assignedDocument();
    await submitAssignment(annotator, a1.id, {});
    const twice = await errorOf(submitAssignment(annotator, a1.id, {}));
    expect(twice.code).toBe("invalid_state");
    expect(twice.details).toMatchObject({ current: "SUBMITTED" });
    const stale = await errorOf(submitAssignment(annotator, a1.id, { version: 1 }));
    expect(stale.code).toBe("stale_version");
    expect(stale.details).toMatchObject({ current: "SUBMITTED", version: 2 });
    expect((await errorOf(submitAssignment(annotator, a1.id, { version: "two" }))).status).toBe(400);
  });

  it("nothing is submitted on a signed-off document", async () => {
    const { doc, a1, annotator } = await assignedDocument();
    await prisma().document.update({ where: { id: doc.id }, data: { state: "SIGNED_OFF" } });
    const error = await errorOf(submitAssignment(annotator, a1.id, {}));
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ current: "SIGNED_OFF", entity: "document" });
  });

  it("a submit while the reviewer has started early keeps the document in review", async () => {
    const { doc, a1, a2, annotator, annotator2 } = await assignedDocument();
    await submitAssignment(annotator, a1.id, {});
    await prisma().document.update({ where: { id: doc.id }, data: { state: "IN_REVIEW" } });
    expect((await submitAssignment(annotator2, a2.id, {})).documentState).toBe("IN_REVIEW");
  });
});

describe("returning", () => {
  it("sends submitted work back with a comment: in progress, document annotating, comment posted to the annotator", async () => {
    const { doc, a1, a2, annotator, annotator2, reviewer } = await assignedDocument();
    await submitAssignment(annotator, a1.id, {});
    await submitAssignment(annotator2, a2.id, {});
    const returned = await returnAssignment(reviewer, a1.id, { comment: "The second quote has no speaker." });
    expect(returned.assignment).toMatchObject({ state: "IN_PROGRESS", returnComment: "The second quote has no speaker.", submittedAt: null, version: 3 });
    expect(returned.documentState).toBe("ANNOTATING");
    const comment = await prisma().comment.findFirstOrThrow({ where: { documentId: doc.id } });
    expect(comment).toMatchObject({ authorId: reviewer.id, body: "The second quote has no speaker.", mentions: [annotator.id] });
    const event = await prisma().auditEvent.findFirstOrThrow({ where: { documentId: doc.id, action: "assignment.return" } });
    expect(event.after).toMatchObject({ state: "IN_PROGRESS", commentId: comment.id, returnComment: "The second quote has no speaker." });
    expect((await actions(doc.id)).slice(-2)).toEqual(["assignment.return", "document.state"]);

    // Resubmitting clears the return comment and makes the document ready again.
    const again = await submitAssignment(annotator, a1.id, {});
    expect(again.assignment.returnComment).toBeNull();
    expect(again.documentState).toBe("READY_FOR_REVIEW");
  });

  it("from in review too; the document goes back to annotating", async () => {
    const { doc, a1, annotator, reviewer } = await assignedDocument();
    await submitAssignment(annotator, a1.id, {});
    await prisma().document.update({ where: { id: doc.id }, data: { state: "IN_REVIEW" } });
    expect((await returnAssignment(reviewer, a1.id, { comment: "Fix it" })).documentState).toBe("ANNOTATING");
  });

  it("refuses: annotator or manager 403, missing comment 400, unsubmitted work 409, signed-off document 409", async () => {
    const { doc, a1, a2, annotator, annotator2, manager, reviewer } = await assignedDocument();
    await submitAssignment(annotator, a1.id, {});
    expect((await errorOf(returnAssignment(annotator2, a1.id, { comment: "x" }))).status).toBe(403);
    expect((await errorOf(returnAssignment(manager, a1.id, { comment: "x" }))).status).toBe(403);
    const empty = await errorOf(returnAssignment(reviewer, a1.id, { comment: "   " }));
    expect(empty.status).toBe(400);
    expect(empty.details).toMatchObject({ fields: { comment: ["Say what needs fixing"] } });
    const notSubmitted = await errorOf(returnAssignment(reviewer, a2.id, { comment: "x" }));
    expect(notSubmitted.status).toBe(409);
    expect(notSubmitted.details).toMatchObject({ current: "ASSIGNED" });
    await prisma().document.update({ where: { id: doc.id }, data: { state: "SIGNED_OFF" } });
    const signed = await errorOf(returnAssignment(reviewer, a1.id, { comment: "x" }));
    expect(signed.details).toMatchObject({ current: "SIGNED_OFF", entity: "document" });
    expect((await prisma().assignment.findUniqueOrThrow({ where: { id: a1.id } })).state).toBe("SUBMITTED");
  });
});

describe("reopening", () => {
  it("a manager reopens a signed-off document with a reason: annotating, every assignment in progress", async () => {
    const { doc, a1, a2, rv, annotator, annotator2, manager, reviewer } = await assignedDocument();
    await submitAssignment(annotator, a1.id, {});
    await submitAssignment(annotator2, a2.id, {});
    await prisma().document.update({ where: { id: doc.id }, data: { state: "SIGNED_OFF", signedOffAt: new Date(), signedOffById: reviewer.id } });
    const result = await reopenDocument(manager, doc.id, { reason: "Speaker registry merged two people" });
    expect(result).toMatchObject({ state: "ANNOTATING", reopenedAssignments: 3 });
    const document = await prisma().document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(document).toMatchObject({ state: "ANNOTATING", signedOffAt: null, signedOffById: null });
    const states = await prisma().assignment.findMany({ where: { id: { in: [a1.id, a2.id, rv.id] } }, select: { state: true } });
    expect(states.map((s) => s.state)).toEqual(["IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS"]);
    const event = await prisma().auditEvent.findFirstOrThrow({ where: { documentId: doc.id, action: "document.state", actorId: manager.id } });
    expect(event.before).toEqual({ state: "SIGNED_OFF" });
    expect(event.after).toEqual({ state: "ANNOTATING", event: "reopen", reason: "Speaker registry merged two people" });
    expect((await actions(doc.id)).filter((a) => a === "assignment.reopen")).toHaveLength(3);
  });

  it("refuses: not signed off 409 with the state, no reason 400, reviewer 403", async () => {
    const { doc, manager, reviewer } = await assignedDocument();
    const wrongState = await errorOf(reopenDocument(manager, doc.id, { reason: "why not" }));
    expect(wrongState.status).toBe(409);
    expect(wrongState.details).toMatchObject({ current: "ANNOTATING" });
    await prisma().document.update({ where: { id: doc.id }, data: { state: "SIGNED_OFF" } });
    expect((await errorOf(reopenDocument(manager, doc.id, {}))).status).toBe(400);
    expect((await errorOf(reopenDocument(reviewer, doc.id, { reason: "x" }))).status).toBe(403);
    expect(await documentState(doc.id)).toBe("SIGNED_OFF");
  });
});

describe("removing assignments", () => {
  it("removes unsubmitted work; removing the last open annotator makes the document ready", async () => {
    const { doc, a1, a2, annotator, manager } = await assignedDocument();
    await submitAssignment(annotator, a1.id, {});
    expect(await deleteAssignment(manager, a2.id)).toEqual({ removedAnnotations: 0 });
    expect(await prisma().assignment.findUnique({ where: { id: a2.id } })).toBeNull();
    expect(await documentState(doc.id)).toBe("READY_FOR_REVIEW");
    const event = await prisma().auditEvent.findFirstOrThrow({ where: { documentId: doc.id, action: "assignment.delete" } });
    expect(event.before).toMatchObject({ id: a2.id, state: "ASSIGNED" });
  });

  it("refuses submitted work (409), non-managers (403), outsiders and unknown ids (404)", async () => {
    const { a1, a2, annotator, manager, reviewer, outsider } = await assignedDocument();
    await submitAssignment(annotator, a1.id, {});
    const submitted = await errorOf(deleteAssignment(manager, a1.id));
    expect(submitted.status).toBe(409);
    expect(submitted.details).toMatchObject({ current: "SUBMITTED" });
    expect((await errorOf(deleteAssignment(reviewer, a2.id))).status).toBe(403);
    expect((await errorOf(deleteAssignment(annotator, a2.id))).status).toBe(403);
    expect((await errorOf(deleteAssignment(outsider, a2.id))).status).toBe(404);
    expect((await errorOf(deleteAssignment(manager, "missing"))).status).toBe(404);
  });
});

describe("bulk assignment", () => {
  async function teamOfThree() {
    const team = await makeTeam();
    const annotator3 = await makeUser({ name: "Annotator 3" });
    await prisma().membership.create({ data: { projectId: team.project.id, userId: annotator3.id, roles: ["ANNOTATOR"] } });
    const docs = [];
    for (let i = 0; i < 4; i++) docs.push(await makeDocument(team.project.id, { title: `Doc ${i}` }));
    return { ...team, annotator3, docs };
  }

  it("gives each document k different annotators, balanced and deterministic, plus the reviewer", async () => {
    const { project, manager, annotator, annotator2, annotator3, reviewer, docs } = await teamOfThree();
    const result = await bulkAssign(manager, project.id, { documentIds: docs.map((d) => d.id), annotatorsPerDocument: 2, reviewerId: reviewer.id });
    const annotators = result.created.filter((c) => c.role === "annotator");
    expect(annotators).toHaveLength(8);
    // Round-robin in membership order: A1 A2 | A3 A1 | A2 A3 | A1 A2.
    expect(annotators.map((c) => c.userId)).toEqual([annotator.id, annotator2.id, annotator3.id, annotator.id, annotator2.id, annotator3.id, annotator.id, annotator2.id]);
    expect(result.created.filter((c) => c.role === "reviewer")).toHaveLength(4);
    expect(await prisma().auditEvent.count({ where: { projectId: project.id, action: "assignment.create" } })).toBe(12);
    // Running it again changes nothing: every document already has two annotators and the reviewer.
    const again = await bulkAssign(manager, project.id, { documentIds: docs.map((d) => d.id), annotatorsPerDocument: 2, reviewerId: reviewer.id });
    expect(again.created).toEqual([]);
    expect(again.alreadyCovered).toHaveLength(4);
  });

  it("fills the least-loaded annotators first and tops up documents that already have some", async () => {
    const { project, manager, annotator, annotator2, annotator3, docs } = await teamOfThree();
    await createAssignment(manager, docs[0]!.id, { userId: annotator.id, role: "annotator" });
    await createAssignment(manager, docs[1]!.id, { userId: annotator.id, role: "annotator" });
    const result = await bulkAssign(manager, project.id, { documentIds: [docs[0]!.id, docs[2]!.id], annotatorsPerDocument: 2 });
    expect(result.created.map((c) => [c.documentId, c.userId])).toEqual([
      [docs[0]!.id, annotator2.id],
      [docs[2]!.id, annotator3.id],
      [docs[2]!.id, annotator2.id],
    ]);
  });

  it("limits to the chosen annotators and skips documents in review", async () => {
    const { project, manager, annotator2, annotator3, docs } = await teamOfThree();
    await prisma().document.update({ where: { id: docs[3]!.id }, data: { state: "IN_REVIEW" } });
    const result = await bulkAssign(manager, project.id, { documentIds: docs.map((d) => d.id), annotatorsPerDocument: 1, annotatorIds: [annotator3.id, annotator2.id] });
    expect(result.created.map((c) => c.userId)).toEqual([annotator3.id, annotator2.id, annotator3.id]);
    expect(result.skipped).toEqual([{ documentId: docs[3]!.id, state: "IN_REVIEW" }]);
  });

  it("handles a large selection in one transaction, balanced across annotators", async () => {
    const { project, manager, annotator, annotator2, annotator3 } = await teamOfThree();
    const rows = Array.from({ length: 600 }, (_, i) => ({
      id: `bulk-${i.toString().padStart(4, "0")}`, projectId: project.id, title: `Bulk ${i}`, text: `Text ${i}.`,
      textSha256: `h${i}`, normalizedHash: `n${i}`, charCount: 8,
    }));
    await prisma().document.createMany({ data: rows });
    // No wall-clock bound (it fails on a busy machine): the test's own timeout catches a hang.
    const result = await bulkAssign(manager, project.id, { documentIds: [...rows.map((r) => r.id), rows[0]!.id], annotatorsPerDocument: 2 });
    expect(result.created).toHaveLength(1200);
    const perPerson = [annotator, annotator2, annotator3].map((a) => result.created.filter((c) => c.userId === a.id).length);
    expect(perPerson).toEqual([400, 400, 400]);
  });

  it("assigns only a reviewer when k is 0", async () => {
    const { project, manager, reviewer, docs } = await teamOfThree();
    const result = await bulkAssign(manager, project.id, { documentIds: [docs[0]!.id], annotatorsPerDocument: 0, reviewerId: reviewer.id });
    expect(result.created).toEqual([{ documentId: docs[0]!.id, userId: reviewer.id, role: "reviewer" }]);
  });

  it("refuses bad input precisely (400) and non-managers (403 / 404)", async () => {
    const { project, manager, annotator, reviewer, outsider, docs } = await teamOfThree();
    const ids = docs.map((d) => d.id);
    const tooMany = await errorOf(bulkAssign(manager, project.id, { documentIds: ids, annotatorsPerDocument: 4 }));
    expect(tooMany.message).toBe("Each document needs 4 different annotators but only 3 are available.");
    const notAnnotator = await errorOf(bulkAssign(manager, project.id, { documentIds: ids, annotatorsPerDocument: 1, annotatorIds: [reviewer.id] }));
    expect(notAnnotator.details).toMatchObject({ fields: { annotatorIds: [expect.stringContaining("does not hold the annotator role")] } });
    const badReviewer = await errorOf(bulkAssign(manager, project.id, { documentIds: ids, annotatorsPerDocument: 1, reviewerId: annotator.id }));
    expect(badReviewer.details).toMatchObject({ fields: { reviewerId: [expect.stringContaining("does not hold the reviewer role")] } });
    const other = await makeProject([{ user: manager, roles: ["MANAGER"] }], "Other");
    const foreign = await makeDocument(other.id);
    const wrongProject = await errorOf(bulkAssign(manager, project.id, { documentIds: [foreign.id], annotatorsPerDocument: 1 }));
    expect(wrongProject.message).toBe(`These documents are not in this project: ${foreign.id}`);
    const unknownId = await errorOf(bulkAssign(manager, project.id, { documentIds: [ids[0]!, "nope"], annotatorsPerDocument: 1 }));
    expect(unknownId.details).toMatchObject({ fields: { documentIds: ["These documents are not in this project: nope"] } });
    expect((await errorOf(bulkAssign(manager, project.id, { documentIds: [], annotatorsPerDocument: 1 }))).status).toBe(400);
    expect((await errorOf(bulkAssign(manager, project.id, { documentIds: ids, annotatorsPerDocument: 0 }))).status).toBe(400);
    expect((await errorOf(bulkAssign(annotator, project.id, { documentIds: ids, annotatorsPerDocument: 1 }))).status).toBe(403);
    expect((await errorOf(bulkAssign(outsider, project.id, { documentIds: ids, annotatorsPerDocument: 1 }))).status).toBe(404);
    expect(await prisma().assignment.count({ where: { documentId: { in: ids } } })).toBe(0);
  });
});

describe("two people acting at once", () => {
  it("two annotators submitting at the same moment: both land and the document is ready for review", async () => {
    for (let round = 0; round < 5; round++) {
      const { doc, a1, a2, annotator, annotator2 } = await assignedDocument();
      await Promise.all([submitAssignment(annotator, a1.id, {}), submitAssignment(annotator2, a2.id, {})]);
      expect(await documentState(doc.id)).toBe("READY_FOR_REVIEW");
      expect((await actions(doc.id)).filter((a) => a === "document.state")).toHaveLength(1);
    }
  });

  it("the same assignment submitted twice at once: one succeeds, the other gets 409", async () => {
    const { a1, annotator } = await assignedDocument();
    const results = await Promise.allSettled([submitAssignment(annotator, a1.id, { version: 1 }), submitAssignment(annotator, a1.id, { version: 1 })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "stale_version" });
    expect((await prisma().assignment.findUniqueOrThrow({ where: { id: a1.id } })).version).toBe(2);
  });

  it("two reviewers returning the same work at once: one return and one comment, the other gets 409", async () => {
    const { a1, annotator, reviewer } = await assignedDocument();
    await submitAssignment(annotator, a1.id, {});
    const [returned, returnedAgain] = await Promise.allSettled([
      returnAssignment(reviewer, a1.id, { comment: "first", version: 2 }),
      returnAssignment(reviewer, a1.id, { comment: "second", version: 2 }),
    ]);
    const outcomes = [returned.status, returnedAgain.status].sort();
    expect(outcomes).toEqual(["fulfilled", "rejected"]);
    expect(await prisma().comment.count({ where: { authorId: reviewer.id } })).toBe(1);
  });
});

describe("history", () => {
  it("lists the document's events newest first with actor name and email, before and after", async () => {
    const { doc, a1, annotator, manager } = await assignedDocument();
    await submitAssignment(annotator, a1.id, {});
    const { events, nextBefore } = await getDocumentHistory(manager, doc.id);
    expect(events.map((e) => e.action)).toEqual(["assignment.submit", "assignment.create", "assignment.create", "assignment.create"]);
    expect(events[0]).toMatchObject({ actor: { id: annotator.id, name: "Annotator", email: annotator.email }, before: { state: "ASSIGNED" }, after: { state: "SUBMITTED" } });
    expect(nextBefore).toBeNull();
    const page = await getDocumentHistory(manager, doc.id, { limit: 2 });
    expect(page.events).toHaveLength(2);
    const rest = await getDocumentHistory(manager, doc.id, { limit: 2, before: page.nextBefore });
    expect(rest.events.map((e) => e.id)).toEqual(events.slice(2).map((e) => e.id));
    expect((await errorOf(getDocumentHistory(manager, doc.id, { before: "abc" }))).status).toBe(400);
  });

  it("filters the trail to one kind of event, paging within it", async () => {
    const { project, doc, a1, annotator, manager } = await assignedDocument();
    await submitAssignment(annotator, a1.id, {});
    await prisma().auditEvent.createMany({
      data: Array.from({ length: 3 }, (_, i) => ({ projectId: project.id, documentId: doc.id, actorId: manager.id, action: "review.decision", after: { matchKey: `CLAIM:${i}:9`, decision: "reject" } })),
    });
    const review = await getDocumentHistory(manager, doc.id, { group: "review", limit: 2 });
    expect(review.events.map((e) => e.action)).toEqual(["review.decision", "review.decision"]);
    const rest = await getDocumentHistory(manager, doc.id, { group: "review", limit: 2, before: review.nextBefore });
    expect(rest).toMatchObject({ events: [{ action: "review.decision" }], nextBefore: null });
    expect((await getDocumentHistory(manager, doc.id, { group: "workflow" })).events.map((e) => e.action)).toEqual([
      "assignment.submit", "assignment.create", "assignment.create", "assignment.create",
    ]);
    expect((await getDocumentHistory(manager, doc.id, { group: "comments" })).events).toEqual([]);
  });

  it("annotators do not see another annotator's annotation events; reviewers do; outsiders get 404", async () => {
    const { project, doc, annotator, annotator2, reviewer, outsider } = await assignedDocument();
    await prisma().auditEvent.createMany({
      data: [
        { projectId: project.id, documentId: doc.id, annotationId: "ann-2", actorId: annotator2.id, action: "annotation.create", after: { id: "ann-2", layer: "annotator" } },
        { projectId: project.id, documentId: doc.id, annotationId: "ann-1", actorId: annotator.id, action: "annotation.create", after: { id: "ann-1", layer: "annotator" } },
        { projectId: project.id, documentId: doc.id, annotationId: "gold-1", actorId: reviewer.id, action: "annotation.create", after: { id: "gold-1", layer: "gold" } },
      ],
    });
    const mine = (await getDocumentHistory(annotator, doc.id)).events.filter((e) => e.action.startsWith("annotation."));
    expect(mine.map((e) => e.annotationId)).toEqual(["gold-1", "ann-1"]);
    const all = (await getDocumentHistory(reviewer, doc.id)).events.filter((e) => e.action.startsWith("annotation."));
    expect(all.map((e) => e.annotationId)).toEqual(["gold-1", "ann-1", "ann-2"]);
    expect((await errorOf(getDocumentHistory(outsider, doc.id))).status).toBe(404);

    // An annotation's own history: its author and reviewers see it, other annotators get 404.
    await prisma().annotation.create({ data: { id: "ann-2", documentId: doc.id, layer: "ANNOTATOR", authorId: annotator2.id, type: "CLAIM", start: 0, end: 5 } });
    await prisma().auditEvent.create({
      data: { projectId: project.id, documentId: doc.id, annotationId: "ann-2", actorId: annotator2.id, action: "annotation.update", before: { id: "ann-2", layer: "annotator" }, after: { id: "ann-2", layer: "annotator", version: 2 } },
    });
    const history = await getAnnotationHistory(reviewer, "ann-2");
    expect(history.events.map((e) => e.action)).toEqual(["annotation.update", "annotation.create"]);
    expect(history.events[0]!.actor).toMatchObject({ name: "Annotator 2" });
    expect((await getAnnotationHistory(annotator2, "ann-2")).events).toHaveLength(2);
    expect((await errorOf(getAnnotationHistory(annotator, "ann-2"))).status).toBe(404);
    // Deleted annotations keep their history (found through the audit rows).
    expect((await getAnnotationHistory(annotator, "ann-1")).events).toHaveLength(1);
    expect((await errorOf(getAnnotationHistory(outsider, "ann-1"))).status).toBe(404);
    expect((await errorOf(getAnnotationHistory(reviewer, "never-existed"))).status).toBe(404);
  });
});

describe("with the annotations API", () => {
  it("work starts with the first annotation, is frozen by submit, reopens on return; its history survives deletion", async () => {
    const { doc, a1, annotator, annotator2, reviewer, manager } = await assignedDocument();
    const span = { type: "CLAIM", start: 0, end: 6, attributes: { checkworthy: "no" } };
    const { annotation } = await createAnnotation(annotator, doc.id, { id: crypto.randomUUID(), ...span });
    expect((await prisma().assignment.findUniqueOrThrow({ where: { id: a1.id } })).state).toBe("IN_PROGRESS");
    expect(await prisma().auditEvent.count({ where: { documentId: doc.id, action: "assignment.start", actorId: annotator.id } })).toBe(1);
    const submitted = await submitAssignment(annotator, a1.id, {});
    expect(submitted.assignment.state).toBe("SUBMITTED");
    expect((await errorOf(createAnnotation(annotator, doc.id, { id: crypto.randomUUID(), ...span }))).status).toBe(409);
    await returnAssignment(reviewer, a1.id, { comment: "Mark the claim in sentence 2 too" });
    await deleteAnnotation(annotator, annotation.id, { version: annotation.version });

    const history = await getAnnotationHistory(annotator, annotation.id);
    expect(history.events.map((e) => e.action)).toEqual(["annotation.delete", "annotation.create"]);
    expect((await getAnnotationHistory(manager, annotation.id)).events).toHaveLength(2);
    expect((await errorOf(getAnnotationHistory(annotator2, annotation.id))).status).toBe(404);
    const seenByOther = (await getDocumentHistory(annotator2, doc.id)).events.map((e) => e.action);
    expect(seenByOther).not.toContain("annotation.create");
    expect(seenByOther).toContain("assignment.return");
    const seenByManager = (await getDocumentHistory(manager, doc.id)).events.map((e) => e.action);
    // annotator2 has not submitted, so the document stayed annotating throughout.
    expect(seenByManager.slice(0, 4)).toEqual(["annotation.delete", "assignment.return", "assignment.submit", "annotation.create"]);
  });
});

describe("removing an annotator with work in progress", () => {
  it("removes their annotations with the assignment, each delete audited", async () => {
    const { doc, a2, annotator, annotator2, manager } = await assignedDocument();
    const span = { type: "CLAIM", start: 0, end: 6, attributes: { checkworthy: "no" } };
    const mine = await createAnnotation(annotator, doc.id, { id: crypto.randomUUID(), ...span });
    const theirs = await createAnnotation(annotator2, doc.id, { id: crypto.randomUUID(), ...span });
    expect(await deleteAssignment(manager, a2.id)).toEqual({ removedAnnotations: 1 });
    expect(await prisma().annotation.findUnique({ where: { id: theirs.annotation.id } })).toBeNull();
    expect(await prisma().annotation.findUnique({ where: { id: mine.annotation.id } })).not.toBeNull();
    const event = await prisma().auditEvent.findFirstOrThrow({ where: { annotationId: theirs.annotation.id, action: "annotation.delete" } });
    expect(event).toMatchObject({ actorId: manager.id, before: { id: theirs.annotation.id, layer: "annotator", type: "CLAIM" }, after: { reason: "assignment removed" } });
  });
});

describe("my work", () => {
  it("lists the caller's assignments with progress, open work first, and the next document", async () => {
    const { project, doc, a1, annotator, reviewer, manager } = await assignedDocument();
    const second = await makeDocument(project.id, { title: "Second" });
    const b1 = await createAssignment(manager, second.id, { userId: annotator.id, role: "annotator" });
    await prisma().annotation.createMany({
      data: [
        { id: "w1", documentId: second.id, layer: "ANNOTATOR", authorId: annotator.id, type: "CLAIM", start: 0, end: 3 },
        { id: "w2", documentId: second.id, layer: "ANNOTATOR", authorId: annotator.id, type: "QUOTE", start: 4, end: 8 },
      ],
    });
    await prisma().assignment.update({ where: { id: b1.id }, data: { state: "IN_PROGRESS" } });
    await submitAssignment(annotator, a1.id, {});
    const work = await listMyWork(annotator, project.id);
    expect(work.items.map((i) => [i.document.title, i.state, i.annotationCount])).toEqual([
      ["Second", "IN_PROGRESS", 2],
      ["Test article", "SUBMITTED", 0],
    ]);
    expect(work.next?.href).toBe(`/projects/${project.id}/documents/${second.id}/annotate`);

    const review = await listMyWork(reviewer, project.id);
    expect(review.items).toHaveLength(1);
    expect(review.next).toBeNull();
    await prisma().document.update({ where: { id: doc.id }, data: { state: "READY_FOR_REVIEW" } });
    expect((await listMyWork(reviewer, project.id)).next?.href).toBe(`/projects/${project.id}/documents/${doc.id}/review`);
    expect((await errorOf(listMyWork(manager, project.id))).status).toBe(403);
  });
});
