// npm run bench:suggestions [-- --sentences 5000 --runs 5]   (needs `npx next build`)
// The way a manager gets suggestions: a long document (the corpus repeated, cut after N sentences)
// imported through POST /api/v1/projects/{id}/documents of the built app (web server + one worker
// process, as `npm start` runs it), its first suggestion run awaited, then `runs` re-runs through
// POST /api/v1/projects/{id}/suggestions/run, each polled on GET /api/v1/tasks/{id} until done.
// Prints the median through-API time, a raw PostgreSQL reference measured afterwards on the same
// database (COPY of the same suggestion rows into a logged table with the same indexes, warm,
// median of 3), the ratio, and the suggesters' own time in this process for comparison.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { requireBuild, startBuiltApp, suggestionTasksSettled } from "./app-server";
import { argValue, startBenchDatabase } from "./bench-db";
import { copyIn, copyOutToMemory } from "./copy-streams";
import { median } from "./median";

const ms = (x: number) => `${x.toFixed(0)} ms`;

type TaskView = { status: string; error: string | null };

/** COPY of the document's suggestion rows into a copy of the table (same indexes), warm, median of 3. */
async function copyReference(databaseUrl: string, documentId: string): Promise<{ rows: number; ms: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await copyOutToMemory(client, `SELECT * FROM suggestions WHERE document_id = '${documentId.replace(/'/g, "''")}'`);
    await client.query(`DROP TABLE IF EXISTS bench_ref_suggestions; CREATE TABLE bench_ref_suggestions (LIKE suggestions INCLUDING ALL)`);
    const rounds: number[] = [];
    for (let round = 0; round < 4; round++) {
      await client.query("TRUNCATE bench_ref_suggestions");
      const started = performance.now();
      await client.query("BEGIN");
      await copyIn(client, "COPY bench_ref_suggestions FROM STDIN", rows);
      await client.query("COMMIT");
      if (round > 0) rounds.push(performance.now() - started);
    }
    const count = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM bench_ref_suggestions");
    await client.query("DROP TABLE bench_ref_suggestions");
    return { rows: count.rows[0]!.n, ms: median(rounds) };
  } finally {
    await client.end();
  }
}

async function main() {
  requireBuild();
  const sentenceCount = argValue("sentences", 5000);
  const runs = argValue("runs", 5);
  const { buildLargeDocument } = await import("../../lib/suggestions/bench");
  const { suggestForDocument } = await import("../../lib/suggestions/suggest");
  const corpusDir = path.join(__dirname, "..", "..", "prisma", "seed-data");
  const texts = fs.readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).sort().map((f) => fs.readFileSync(path.join(corpusDir, f), "utf8"));
  const text = buildLargeDocument(texts, sentenceCount);

  const db = await startBenchDatabase();
  const { prisma } = await import("../../lib/db/prisma");
  const { createApiToken } = await import("../../lib/auth/api-tokens");
  const { defaultLabelSchema } = await import("../../lib/schema/label-schema");
  const stamp = Date.now().toString(36);
  const user = await prisma().user.create({ data: { email: `bench-suggest-${stamp}@example.test`, name: "Bench manager", passwordHash: "x" } });
  const { token } = await createApiToken(user.id, "bench");
  const project = await prisma().project.create({
    data: { name: `Suggestions bench ${stamp}`, labelSchema: defaultLabelSchema(), settings: {}, memberships: { create: { userId: user.id, roles: ["MANAGER"] } } },
    select: { id: true },
  });
  const app = await startBuiltApp(db.url);
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const api = async <T>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${app.url}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as T };
  };
  try {
    // The registry the suggesters resolve speakers against, created as a manager would.
    for (const entity of [
      { name: "Vladimir Putin", aliases: ["Putin"], type: "person" },
      { name: "Xi Jinping", aliases: ["Xi"], type: "person" },
    ]) {
      const created = await api("POST", `/api/v1/projects/${project.id}/entities`, entity);
      if (created.status !== 201) throw new Error(`creating an entity answered ${created.status}: ${JSON.stringify(created.body)}`);
    }
    const importStarted = performance.now();
    const imported = await api<{ results: { id: string; sentenceCount?: number }[] }>("POST", `/api/v1/projects/${project.id}/documents`, { title: "Long", text });
    if (imported.status !== 201) throw new Error(`import answered ${imported.status}: ${JSON.stringify(imported.body).slice(0, 300)}`);
    const documentId = imported.body.results[0]!.id;
    const storedAfter = performance.now() - importStarted;
    await suggestionTasksSettled(project.id);
    const firstRun = performance.now() - importStarted;
    const sentences = await prisma().sentence.count({ where: { documentId } });
    console.log(`bench:suggestions — ${sentences} sentences, ${Array.from(text).length} code points, through ${app.url} (web + ${app.workerPids.length} worker process), ${runs} re-runs`);
    console.log(`import:        document stored after ${ms(storedAfter)}; its first suggestion run done ${ms(firstRun)} after the POST`);

    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const queued = await api<{ taskId: string }>("POST", `/api/v1/projects/${project.id}/suggestions/run`, { documentIds: [documentId] });
      if (queued.status !== 202) throw new Error(`re-run answered ${queued.status}: ${JSON.stringify(queued.body)}`);
      for (;;) {
        const task = await api<TaskView>("GET", `/api/v1/tasks/${queued.body.taskId}`);
        if (task.body.status === "FAILED") throw new Error(`the suggestion task failed: ${task.body.error}`);
        if (task.body.status === "DONE") break;
        await new Promise((r) => setTimeout(r, 20));
      }
      times.push(performance.now() - started);
    }
    const listed = await api<{ items: unknown[] }>("GET", `/api/v1/documents/${documentId}/suggestions`);
    if (listed.status !== 200) throw new Error(`listing suggestions answered ${listed.status}`);
    const reference = await copyReference(db.url, documentId);

    const engine: number[] = [];
    const registry = (await prisma().entity.findMany({ where: { projectId: project.id }, select: { id: true, name: true, aliases: true, type: true } })).map((e) => ({ ...e }));
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      suggestForDocument({ text, entities: registry });
      engine.push(performance.now() - t0);
    }
    const ours = median(times);
    console.log(`re-run via API: median ${ms(ours)} (${times.map(ms).join(", ")}) until the task is done; ${listed.body.items.length} suggestions listed`);
    console.log(`raw COPY reference: ${ms(reference.ms)} for ${reference.rows} suggestion rows (same indexes, warm, median of 3)`);
    console.log(`ratio API ÷ COPY: ${(ours / reference.ms).toFixed(1)}×`);
    console.log(`of which the suggesters themselves (this process, no database): median ${ms(median(engine))}`);
  } finally {
    await app.stop();
    await prisma().$disconnect();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
