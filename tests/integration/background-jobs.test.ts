import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { prisma } from "@/lib/db/prisma";
import { closePgPools } from "@/lib/db/pg-pool";
import { databaseUrl } from "@/lib/env";
import { runBuildDatasetTask } from "@/lib/datasets/build-task";
import { createImportTask, runImportBatch, runImportTask } from "@/lib/documents/import-task";
import { stopQueue } from "@/lib/jobs/queue";
import { startBackgroundWorkers } from "@/lib/jobs/workers";
import { createSuggestionTask, runSuggestionBatch } from "@/lib/suggestion-runs/suggestion-task";
import { POST as postDocuments } from "@/app/api/v1/projects/[projectId]/documents/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { HAND_OFF_BYTES } from "@/lib/documents/import-via-worker";
import { makeDocument } from "./document-factory";
import { makeTeam } from "./factories";

// Real pg-boss workers in this process (not STANCEBENCH_JOBS=inline), with a deliberately small
// per-project limit so a few hundred documents are a long queue.
// Hoisted above the imports: the environment is read once, on first use.
vi.hoisted(() => {
  process.env.JOBS_PER_PROJECT = "1";
  process.env.WORKER_CONCURRENCY = "2";
  delete process.env.STANCEBENCH_JOBS;
});

const DOCUMENTS = 150;
const LINES = [
  "Trade between the two countries grew by 40% in 2022, the ministry said.",
  '"We will never give up," said Vladimir Putin on Monday.',
  "The Sinologist Ivan Zuenko said that relations are strong and will stay so.",
  "(Note: this text was shortened — Approx. InoSMI)",
];

const task = (id: string) => prisma().task.findUniqueOrThrow({ where: { id }, select: { status: true, done: true, total: true, error: true } });

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, seconds = 90): Promise<T> {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; ) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function documentsWithSuggestions(projectId: string): Promise<number> {
  const [row] = await prisma().$queryRaw<{ n: number }[]>`SELECT count(DISTINCT s.document_id)::int AS n FROM suggestions s JOIN documents d ON d.id = s.document_id WHERE d.project_id = ${projectId}`;
  return row?.n ?? 0;
}

beforeAll(async () => {
  await startBackgroundWorkers({ failHard: true });
});

afterAll(async () => {
  await stopQueue();
  await closePgPools();
});

describe("background jobs", () => {
  it("a small import in project B gets its suggestions while project A's big run is far from half done", async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    const documents = [];
    for (let i = 0; i < DOCUMENTS; i++) documents.push(await makeDocument(a.project.id, { title: `A ${i}`, lines: [...LINES, `Line ${i}.`] }));

    const big = await createSuggestionTask(a.manager, a.project.id, { documentIds: documents.map((d) => d.id) });
    await until("A's run to start", async () => (await task(big.taskId)).done > 0);
    const queuedAt = Date.now();
    const small = await createImportTask(b.manager, b.project.id, [
      { name: "one.jsonl", bytes: new TextEncoder().encode(JSON.stringify({ title: "B", text: LINES.join("\n") }) + "\n") },
    ]);

    // Meanwhile A never runs more jobs at once than its limit, over every worker loop.
    let mostRunning = 0;
    const bSuggestions = await until("B's suggestions", async () => {
      const running = await prisma().jobClaim.count({ where: { projectId: a.project.id } });
      mostRunning = Math.max(mostRunning, running);
      const run = await prisma().task.findFirst({ where: { projectId: b.project.id, kind: "SUGGEST", status: "DONE" }, select: { id: true } });
      return run ? documentsWithSuggestions(b.project.id) : null;
    });
    const aAtThatMoment = await task(big.taskId);
    console.log(`B's suggestions were stored ${((Date.now() - queuedAt) / 1000).toFixed(1)} s after its import was queued, when A's run had ${aAtThatMoment.done} of ${aAtThatMoment.total} documents done`);
    expect((await task(small.taskId)).status).toBe("DONE");
    expect(bSuggestions).toBeGreaterThan(0);
    expect(aAtThatMoment.done).toBeLessThan(aAtThatMoment.total / 2);
    expect(mostRunning).toBeLessThanOrEqual(1);

    // A's run still finishes, every document counted once.
    const finished = await until("A's run to finish", async () => {
      const t = await task(big.taskId);
      return t.status === "DONE" ? t : null;
    }, 180);
    expect(finished.done).toBe(DOCUMENTS);
    expect(await documentsWithSuggestions(a.project.id)).toBe(DOCUMENTS);
    // Deferring jobs of a project at its limit is not an error: nothing failed or was retried.
    const [troubled] = await prisma().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE state = 'failed' OR retry_count > 0`;
    expect(troubled?.n).toBe(0);
  }, 240_000);

  it("a big synchronous API import is done by a worker and answers as an inline one does", async () => {
    const team = await makeTeam();
    const { token } = await createApiToken(team.manager.id, "test");
    const filler = "x".repeat(1200);
    const body = [
      ...Array.from({ length: 250 }, (_, i) => ({ title: `Big ${i}`, text: `Article ${i} of a big request. ${filler}` })),
      { title: "Bad" },
      { title: "Again", text: "Article 0 of a big request. " + filler },
    ];
    const raw = JSON.stringify(body);
    expect(raw.length).toBeGreaterThan(HAND_OFF_BYTES);
    const res = await postDocuments(
      new Request("http://test/", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": String(raw.length) }, body: raw }),
      { params: Promise.resolve({ projectId: team.project.id }) },
    );
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { imported: number; duplicates: number; failed: number; results: { name: string; status: string; line?: number; error?: { message: string } }[] };
    expect(answer).toMatchObject({ imported: 250, duplicates: 1, failed: 1 });
    expect(answer.results.map((r) => r.name)).toEqual(body.map((_, i) => `item ${i + 1}`));
    expect(answer.results[250]).toMatchObject({ status: "failed", error: { message: expect.not.stringMatching(/^Line/) } });
    expect(answer.results.every((r) => r.line === undefined)).toBe(true);
    // It went through a background task, not the web request's own event loop.
    expect(await prisma().task.count({ where: { projectId: team.project.id, kind: "IMPORT", status: "DONE" } })).toBe(1);
  }, 120_000);

  it("a job whose input is gone ends with a clear error on its task instead of retrying", async () => {
    const team = await makeTeam();
    // Import: the uploaded files are deleted while the job waits.
    const imported = await prisma().task.create({ data: { projectId: team.project.id, kind: "IMPORT", total: 1, createdById: team.manager.id, result: { imported: 0, duplicates: 0, failed: 0 } } });
    await expect(runImportTask({ taskId: imported.id })).resolves.toBeUndefined();
    expect(await task(imported.id)).toMatchObject({ status: "FAILED", error: expect.stringMatching(/uploaded data of this import is gone/) });
    // A batch whose unit is gone.
    const batch = await prisma().task.create({ data: { projectId: team.project.id, kind: "IMPORT", total: 1, createdById: team.manager.id, result: { imported: 0, duplicates: 0, failed: 0 } } });
    await expect(runImportBatch({ taskId: batch.id, unitId: "no-such-unit" })).resolves.toBeUndefined();
    expect((await task(batch.id)).status).toBe("FAILED");
    // Suggestions: a deleted document is skipped, the run ends; a deleted task ends the job quietly.
    const doc = await makeDocument(team.project.id);
    const run = await prisma().task.create({ data: { projectId: team.project.id, kind: "SUGGEST", total: 1, status: "RUNNING", result: { documentIds: [doc.id], suggestions: 0, skipped: 0, failed: 0 } } });
    const unit = await prisma().taskUnit.create({ data: { taskId: run.id, position: 0, documentIds: [doc.id] } });
    await prisma().document.delete({ where: { id: doc.id } });
    await runSuggestionBatch({ taskId: run.id, unitId: unit.id });
    expect(await prisma().task.findUniqueOrThrow({ where: { id: run.id }, select: { status: true, done: true, result: true } })).toMatchObject({ status: "DONE", done: 1, result: { skipped: 1 } });
    await prisma().task.delete({ where: { id: run.id } });
    await expect(runSuggestionBatch({ taskId: run.id, unitId: unit.id })).resolves.toBeUndefined();
    // Dataset build: the version is gone.
    const build = await prisma().task.create({ data: { projectId: team.project.id, kind: "EXPORT", total: 1, result: {} } });
    await expect(runBuildDatasetTask({ taskId: build.id })).resolves.toBeUndefined();
    expect(await task(build.id)).toMatchObject({ status: "FAILED", error: expect.stringMatching(/dataset version of this build is gone/) });
  });

  // Last: it stops this file's workers. A job cut short on stopping used to leave its transaction
  // open under closed pools, and the database client then hung on disconnect.
  it("stopping the workers lets the job in flight finish instead of failing it", async () => {
    const team = await makeTeam();
    const documents = [];
    for (let i = 0; i < 30; i++) documents.push(await makeDocument(team.project.id, { title: `S ${i}`, lines: [...LINES, `Line ${i}.`] }));
    // Row locks on the documents hold every batch at its first suggestion insert (the foreign-key
    // check waits), so a batch is surely in flight when the stop begins, however fast it would run.
    const locker = new pg.Client({ connectionString: databaseUrl() });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("SELECT id FROM documents WHERE id = ANY($1::text[]) FOR UPDATE", [documents.map((d) => d.id)]);
      const run = await createSuggestionTask(team.manager, team.project.id, { documentIds: documents.map((d) => d.id) });
      // A batch, not the planning job: that one finishes without any document done.
      await until("a batch of the run to be running", () => prisma().jobClaim.count({ where: { projectId: team.project.id, queue: "suggest-batch" } }));
      const stopping = stopQueue();
      // stop() marks pg-boss as stopping before its first await; let it get there, then let the batch go.
      await new Promise((resolve) => setImmediate(resolve));
      await locker.query("COMMIT");
      await stopping;
      expect(await prisma().jobClaim.count({ where: { projectId: team.project.id } })).toBe(0);
      const [cut] = await prisma().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'projectId' = ${team.project.id} AND state IN ('active', 'retry', 'failed')`;
      expect(cut?.n).toBe(0);
      expect((await task(run.taskId)).done).toBeGreaterThan(0);
    } finally {
      await locker.end();
    }
    await expect(prisma().$disconnect()).resolves.toBeUndefined();
  }, 60_000);
});
