import { describe, expect, it } from "vitest";
import { createComment } from "@/lib/comments/create-comment";
import { listComments } from "@/lib/comments/list-comments";
import { setCommentResolved } from "@/lib/comments/resolve-comment";
import { prisma } from "@/lib/db/prisma";
import { errorOf, makeDocument } from "./document-factory";
import { makeTeam } from "./factories";

const XSS = `<img src=x onerror=alert(1)> <script>alert("x")</script>`;

describe("posting comments", () => {
  it("stores the body exactly as typed (markup included) and records comment.create", async () => {
    const { project, annotator } = await makeTeam();
    const doc = await makeDocument(project.id);
    const comment = await createComment(annotator, doc.id, { body: XSS });
    expect(comment).toMatchObject({ body: XSS, documentId: doc.id, parentId: null, annotationId: null, sentenceIndex: null, author: { id: annotator.id, name: "Annotator" }, mentions: [], resolvedAt: null });
    const event = await prisma().auditEvent.findFirstOrThrow({ where: { documentId: doc.id, action: "comment.create" } });
    expect(event.after).toMatchObject({ id: comment.id });
  });

  it("turns @email and @name of members into mentions, and ignores non-members", async () => {
    const { project, manager, reviewer, annotator2, outsider } = await makeTeam();
    const doc = await makeDocument(project.id);
    const comment = await createComment(manager, doc.id, { body: `@Reviewer and @${annotator2.email}: please look. Not @${outsider.email} or @Outsider.` });
    expect(comment.mentions.map((m) => m.id)).toEqual([reviewer.id, annotator2.id]);
    expect(comment.mentions[0]).toMatchObject({ name: "Reviewer", email: reviewer.email });
  });

  it("anchors threads on a sentence or an annotation of the document, and replies join the thread's root", async () => {
    const { project, annotator, reviewer } = await makeTeam();
    const doc = await makeDocument(project.id);
    await prisma().annotation.create({ data: { id: "a-1", documentId: doc.id, layer: "ANNOTATOR", authorId: annotator.id, type: "QUOTE", start: 0, end: 6 } });
    const onSentence = await createComment(reviewer, doc.id, { body: "Boilerplate?", sentenceIndex: 2 });
    expect(onSentence.sentenceIndex).toBe(2);
    const onAnnotation = await createComment(reviewer, doc.id, { body: "Who says this?", annotationId: "a-1" });
    const reply = await createComment(annotator, doc.id, { body: "The minister.", parentId: onAnnotation.id });
    const replyToReply = await createComment(reviewer, doc.id, { body: "Thanks", parentId: reply.id });
    expect(reply).toMatchObject({ parentId: onAnnotation.id, annotationId: "a-1" });
    expect(replyToReply.parentId).toBe(onAnnotation.id);
    const listed = await listComments(annotator, doc.id);
    expect(listed.map((c) => c.body)).toEqual(["Boilerplate?", "Who says this?", "The minister.", "Thanks"]);
  });

  it("refuses bad anchors and empty bodies with 400", async () => {
    const { project, annotator, manager } = await makeTeam();
    const doc = await makeDocument(project.id);
    const other = await makeDocument(project.id, { title: "Other" });
    await prisma().annotation.create({ data: { id: "elsewhere", documentId: other.id, layer: "ANNOTATOR", authorId: annotator.id, type: "CLAIM", start: 0, end: 3 } });
    const foreignParent = await createComment(manager, other.id, { body: "elsewhere" });
    const cases: [unknown, string][] = [
      [{ body: "  " }, "body"],
      [{ body: "x", sentenceIndex: 3 }, "sentenceIndex"],
      [{ body: "x", sentenceIndex: -1 }, "sentenceIndex"],
      [{ body: "x", annotationId: "elsewhere" }, "annotationId"],
      [{ body: "x", annotationId: "missing" }, "annotationId"],
      [{ body: "x", parentId: foreignParent.id }, "parentId"],
      [{ body: "x".repeat(10_001) }, "body"],
    ];
    for (const [input, field] of cases) {
      const error = await errorOf(createComment(annotator, doc.id, input));
      expect(error.status, JSON.stringify(input).slice(0, 60)).toBe(400);
      expect(Object.keys((error.details?.fields ?? {}) as object)).toContain(field);
    }
    expect(await prisma().comment.count({ where: { documentId: doc.id } })).toBe(0);
  });

  it("outsiders and unknown documents get 404", async () => {
    const { project, outsider, manager } = await makeTeam();
    const doc = await makeDocument(project.id);
    expect((await errorOf(createComment(outsider, doc.id, { body: "hi" }))).status).toBe(404);
    expect((await errorOf(listComments(outsider, doc.id))).status).toBe(404);
    expect((await errorOf(createComment(manager, "missing", { body: "hi" }))).status).toBe(404);
  });
});

describe("resolving and reopening threads", () => {
  it("a reviewer resolves, a manager reopens; each is recorded; repeating is 409 with the current state", async () => {
    const { project, annotator, reviewer, manager } = await makeTeam();
    const doc = await makeDocument(project.id);
    const thread = await createComment(annotator, doc.id, { body: "Is this a quote?" });
    const resolved = await setCommentResolved(reviewer, thread.id, true);
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    expect(resolved.resolvedBy).toMatchObject({ id: reviewer.id, name: "Reviewer" });
    const again = await errorOf(setCommentResolved(manager, thread.id, true));
    expect(again.status).toBe(409);
    expect(again.details).toMatchObject({ current: "resolved" });
    const reopened = await setCommentResolved(manager, thread.id, false);
    expect(reopened).toMatchObject({ resolvedAt: null, resolvedBy: null });
    const reopenOpen = await errorOf(setCommentResolved(manager, thread.id, false));
    expect(reopenOpen.details).toMatchObject({ current: "open" });
    const log = await prisma().auditEvent.findMany({ where: { documentId: doc.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(log).toEqual([
      { action: "comment.create", actorId: annotator.id },
      { action: "comment.resolve", actorId: reviewer.id },
      { action: "comment.reopen", actorId: manager.id },
    ]);
  });

  it("the thread's author may resolve their own; another annotator may not (403); replies are not resolved (400)", async () => {
    const { project, annotator, annotator2, outsider } = await makeTeam();
    const doc = await makeDocument(project.id);
    const thread = await createComment(annotator, doc.id, { body: "Mine" });
    const reply = await createComment(annotator2, doc.id, { body: "reply", parentId: thread.id });
    expect((await errorOf(setCommentResolved(annotator2, thread.id, true))).status).toBe(403);
    expect((await errorOf(setCommentResolved(annotator2, reply.id, true))).status).toBe(400);
    expect((await errorOf(setCommentResolved(outsider, thread.id, true))).status).toBe(404);
    expect((await errorOf(setCommentResolved(annotator, "missing", true))).status).toBe(404);
    expect((await setCommentResolved(annotator, thread.id, true)).resolvedBy?.id).toBe(annotator.id);
  });

  it("two people resolving at once: one wins, the other gets 409", async () => {
    const { project, annotator, reviewer, manager } = await makeTeam();
    const doc = await makeDocument(project.id);
    const thread = await createComment(annotator, doc.id, { body: "Race" });
    const results = await Promise.allSettled([setCommentResolved(reviewer, thread.id, true), setCommentResolved(manager, thread.id, true)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await prisma().auditEvent.count({ where: { documentId: doc.id, action: "comment.resolve" } })).toBe(1);
  });
});
