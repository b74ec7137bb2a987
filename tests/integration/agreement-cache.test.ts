import pg from "pg";
import { describe, expect, it } from "vitest";
import { GET as agreementGet, POST as agreementPost } from "@/app/api/v1/projects/[projectId]/agreement/route";
import { runAgreementTask, startAgreementRun } from "@/lib/agreement/agreement-task";
import { readSettledDataVersion } from "@/lib/agreement/data-version";
import { getProjectAgreement } from "@/lib/agreement/project-agreement";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/change-annotation";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { registerHandler } from "@/lib/jobs/queue";
import type { AgreementOverview, AgreementRunQueued } from "@/lib/validation/agreement";
import { makeTeam } from "./factories";
import { annotate, assign, errorOf, makeDocument } from "./review-factories";

process.env.STANCEBENCH_JOBS = "inline";

type Team = Awaited<ReturnType<typeof makeTeam>>;

async function call(method: "GET" | "POST", user: AuthenticatedUser, projectId: string, init: { body?: string; contentType?: string } = {}) {
  const { token } = await createApiToken(user.id, "test");
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.contentType ?? (init.body !== undefined ? "application/json" : undefined)) headers["content-type"] = init.contentType ?? "application/json";
  const request = new Request("http://test/", { method, headers, body: init.body });
  const handler = method === "GET" ? agreementGet : agreementPost;
  const res = await handler(request, { params: Promise.resolve({ projectId }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const overviewOf = async (user: AuthenticatedUser, projectId: string) => (await call("GET", user, projectId)).body as unknown as AgreementOverview;

/** `count` documents, each labelled by both annotators (factory rows, no audit events). */
async function doubleAnnotatedProject(team: Team, count: number) {
  const documents = [];
  for (let i = 0; i < count; i++) {
    const doc = await makeDocument(team.project.id, { state: "ANNOTATING", text: `Document ${i} says something. It ends.` });
    await annotate(doc.id, team.annotator, { type: "SENTENCE", sentenceIndex: 0, attributes: { checkworthy: i % 2 ? "yes" : "no" } });
    await annotate(doc.id, team.annotator2, { type: "SENTENCE", sentenceIndex: 0, attributes: { checkworthy: i % 3 ? "yes" : "no" } });
    await annotate(doc.id, team.annotator, { type: "CLAIM", start: 0, end: 10 });
    await annotate(doc.id, team.annotator2, { type: "CLAIM", start: 0, end: i % 2 ? 10 : 12 });
    documents.push(doc);
  }
  return documents;
}

describe("agreement cache", () => {
  it("is missing until a run, which a background task computes with progress; the result equals the live computation", async () => {
    const team = await makeTeam();
    await doubleAnnotatedProject(team, 5);
    expect(await overviewOf(team.reviewer, team.project.id)).toMatchObject({ scope: "project", result: null, freshness: { state: "missing", computedAt: null }, task: null });

    const started = await call("POST", team.reviewer, team.project.id);
    expect(started.status).toBe(202);
    const { taskId, created } = started.body as AgreementRunQueued;
    expect(created).toBe(true);
    const task = await prisma().task.findUniqueOrThrow({ where: { id: taskId } });
    expect(task).toMatchObject({ kind: "AGREEMENT", status: "DONE", done: 5, total: 5, createdById: team.reviewer.id });

    const overview = await overviewOf(team.manager, team.project.id);
    expect(overview.freshness).toMatchObject({ state: "fresh", changesSince: 0 });
    expect(overview.task).toBeNull();
    expect(overview.result).toEqual(JSON.parse(JSON.stringify(await getProjectAgreement(team.manager, team.project.id))));
    expect(overview.result).toMatchObject({ documents: 5, doubleAnnotatedDocuments: 5 });
    const cached = await prisma().agreementResult.findUniqueOrThrow({ where: { projectId: team.project.id } });
    expect(cached.taskId).toBe(taskId);

    // ?documentId= is computed live for one document, without touching the cache.
    const [first] = await prisma().document.findMany({ where: { projectId: team.project.id }, orderBy: { id: "asc" }, take: 1 });
    const { token } = await createApiToken(team.manager.id, "test");
    const one = await agreementGet(new Request(`http://test/?documentId=${first!.id}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ projectId: team.project.id }) });
    expect(await one.json()).toMatchObject({ scope: "document", result: { documentId: first!.id, documents: 1 }, task: null });
  });

  it("goes stale when an annotation is saved through the normal save path, counts the changes, and a recompute makes it fresh", async () => {
    const team = await makeTeam();
    const [doc] = await doubleAnnotatedProject(team, 3);
    expect((await call("POST", team.manager, team.project.id)).status).toBe(202);
    const before = await overviewOf(team.manager, team.project.id);
    expect(before.freshness.state).toBe("fresh");

    await assign(doc!.id, team.annotator, "IN_PROGRESS");
    const { annotation } = await createAnnotation(team.annotator, doc!.id, { type: "EDITORIAL", start: 0, end: 8, attributes: { kind: "editor-aside" } });
    const stale = await overviewOf(team.manager, team.project.id);
    expect(stale.freshness).toMatchObject({ state: "stale", computedAt: before.freshness.computedAt, changesSince: 1 });
    expect(stale.result).toEqual(before.result); // the last result stays until the recompute finishes

    await updateAnnotation(team.annotator, annotation.id, { version: annotation.version, attributes: { kind: "disclaimer" } });
    expect((await overviewOf(team.manager, team.project.id)).freshness.changesSince).toBe(2);

    const rerun = await call("POST", team.reviewer, team.project.id, { body: "{}" });
    expect(rerun.status).toBe(202);
    const fresh = await overviewOf(team.manager, team.project.id);
    expect(fresh.freshness).toMatchObject({ state: "fresh", changesSince: 0 });
    const mine = fresh.result!.perAnnotator.find((p) => p.annotatorId === team.annotator.id);
    expect(mine?.annotations.EDITORIAL).toBe(1);

    // A deletion invalidates too; a comment-only or gold-only change does not count.
    await deleteAnnotation(team.annotator, annotation.id, { version: 2 });
    expect((await overviewOf(team.manager, team.project.id)).freshness).toMatchObject({ state: "stale", changesSince: 1 });
    await prisma().auditEvent.create({ data: { projectId: team.project.id, action: "comment.create" } });
    await prisma().auditEvent.create({ data: { projectId: team.project.id, action: "annotation.create", after: { layer: "gold" } } });
    expect((await overviewOf(team.manager, team.project.id)).freshness.changesSince).toBe(1);
  });

  it("starts one run per project however many callers ask at once", async () => {
    const team = await makeTeam();
    await doubleAnnotatedProject(team, 2);
    let markStarted: () => void = () => undefined;
    let release: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    // Hold the job so the run stays QUEUED while the other callers arrive.
    registerHandler("compute-agreement", async (payload) => {
      markStarted();
      await released;
      await runAgreementTask(payload);
    });
    try {
      let settled = 0;
      const users = [team.manager, team.reviewer, team.manager, team.reviewer, team.admin];
      const calls = users.map((user) => startAgreementRun(user, team.project.id, {}).finally(() => (settled += 1)));
      await started;
      for (let i = 0; i < 200 && settled < users.length - 1; i++) await new Promise((r) => setTimeout(r, 10));
      expect(settled).toBe(users.length - 1);
      const viaApi = await call("POST", team.reviewer, team.project.id);
      expect((await overviewOf(team.manager, team.project.id)).task).toMatchObject({ status: "QUEUED" });
      release();
      const runs = await Promise.all(calls);
      expect(runs.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(runs.map((r) => r.taskId)).size).toBe(1);
      expect(viaApi).toMatchObject({ status: 200, body: { taskId: runs[0]!.taskId, created: false } });
      expect(await prisma().task.count({ where: { projectId: team.project.id, kind: "AGREEMENT" } })).toBe(1);
    } finally {
      release();
      registerHandler("compute-agreement", runAgreementTask);
    }
    // Once it has finished, asking again starts a new run.
    expect(await startAgreementRun(team.manager, team.project.id, {})).toMatchObject({ created: true });
  });

  it("a retried job restarts from the first document and finishes; a finished one is not redone", async () => {
    const team = await makeTeam();
    await doubleAnnotatedProject(team, 4);
    const task = await prisma().task.create({ data: { projectId: team.project.id, kind: "AGREEMENT", status: "RUNNING", done: 2, total: 4 } });
    await runAgreementTask({ taskId: task.id });
    expect(await prisma().task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "DONE", done: 4, total: 4 });
    const first = await prisma().agreementResult.findUniqueOrThrow({ where: { projectId: team.project.id } });
    await runAgreementTask({ taskId: task.id });
    expect((await prisma().agreementResult.findUniqueOrThrow({ where: { projectId: team.project.id } })).computedAt).toEqual(first.computedAt);
  });

  it("refuses bad input: unknown project 404, non-member 404, annotator 403, malformed or unknown body 400, other media type 415", async () => {
    const team = await makeTeam();
    expect((await call("GET", team.manager, "no-such-project")).status).toBe(404);
    expect((await call("POST", team.manager, "no-such-project")).status).toBe(404);
    const outsider = await call("POST", team.outsider, team.project.id);
    expect(outsider).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect((await call("GET", team.outsider, team.project.id)).status).toBe(404);
    expect(await call("POST", team.annotator, team.project.id)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect((await call("GET", team.annotator, team.project.id)).status).toBe(403);
    expect(await call("POST", team.manager, team.project.id, { body: "{not json" })).toMatchObject({ status: 400, body: { error: { code: "validation_failed" } } });
    const unknown = await call("POST", team.manager, team.project.id, { body: JSON.stringify({ documentIds: ["x"] }) });
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: "validation_failed" } } });
    expect((await call("POST", team.manager, team.project.id, { body: "x", contentType: "text/plain" })).status).toBe(415);
    expect((await errorOf(startAgreementRun(team.annotator2, team.project.id, {}))).status).toBe(403);
    // Nothing was queued by any of them.
    expect(await prisma().task.count({ where: { projectId: team.project.id, kind: "AGREEMENT" } })).toBe(0);
    const docId = (await makeDocument(team.project.id)).id;
    const { token } = await createApiToken(team.manager.id, "test");
    const res = await agreementGet(new Request(`http://test/?documentId=${docId}x`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ projectId: team.project.id }) });
    expect(res.status).toBe(404);
  });

  it("reads the version only after saves that were in flight have ended", async () => {
    const team = await makeTeam();
    const save = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const observer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await save.connect();
    await observer.connect();
    try {
      await save.query("BEGIN");
      const inserted = await save.query<{ id: string }>(
        `INSERT INTO audit_events (project_id, action, after) VALUES ($1, 'annotation.create', '{"layer":"annotator"}') RETURNING id`,
        [team.project.id],
      );
      let read = false;
      const reading = readSettledDataVersion(team.project.id).then((version) => {
        read = true;
        return version;
      });
      // The reader is seen re-checking the open save (its wait loop's query, no fixed sleep) and
      // has not returned: it cannot while the save is open. Observed from a connection outside any
      // transaction: inside one, pg_stat_activity is a snapshot that never changes.
      await expect
        .poll(async () => {
          const { rows } = await observer.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%virtualtransaction = ANY%'`,
          );
          return rows[0]!.n;
        }, { timeout: 20_000 })
        .toBeGreaterThan(0);
      expect(read).toBe(false);
      await save.query("COMMIT");
      // The version was taken before the commit, so the save counts as a change since it.
      expect(await reading).toBeLessThan(BigInt(inserted.rows[0]!.id));
    } finally {
      await save.end();
      await observer.end();
    }
  });
});
