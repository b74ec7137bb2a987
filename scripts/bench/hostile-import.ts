// npm run bench:hostile-import [-- --mb 5]
// The way a user meets messy text: one article of `mb` MB written as a single line, and one made of
// every hostile shape (runs of quotes, spaces, dots, `!!!!`, stray «, JSON, number lists), each
// POSTed to the import API of the built app (web server + one worker process, as `npm start` runs
// it) while another client keeps asking /api/v1/health. Prints the import time, the time until
// the worker has stored the article's suggestions, the health route's latency meanwhile, and a raw
// PostgreSQL reference: INSERT of the same text and sentence count on the same database.
import { HOSTILE_SHAPES, hostileArticle } from "../../tests/scaling/ingest-shapes";
import { requireBuild, startBuiltApp } from "./app-server";
import { argValue, startBenchDatabase } from "./bench-db";
import { percentile } from "./saves-load";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  requireBuild();
  const bytes = Math.min(argValue("mb", 5) * 1024 * 1024, 5 * 1024 * 1024 - 4096);
  const db = await startBenchDatabase();
  const { prisma } = await import("../../lib/db/prisma");
  const { createApiToken } = await import("../../lib/auth/api-tokens");
  const { defaultLabelSchema } = await import("../../lib/schema/label-schema");
  const stamp = Date.now().toString(36);
  const user = await prisma().user.create({ data: { email: `bench-hostile-${stamp}@example.test`, name: "Bench manager", passwordHash: "x" } });
  const project = await prisma().project.create({
    data: { name: `Hostile bench ${stamp}`, labelSchema: defaultLabelSchema(), settings: {}, memberships: { create: { userId: user.id, roles: ["MANAGER"] } } },
  });
  const { token } = await createApiToken(user.id, "bench");
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const app = await startBuiltApp(db.url);
  try {
    console.log(`bench:hostile-import — ${(bytes / 1024 / 1024).toFixed(1)} MB articles through ${app.url} (web + 1 worker process)`);
    const articles = [
      { title: "One line", text: HOSTILE_SHAPES.oneLineArticle!(bytes) },
      { title: "Hostile shapes", text: hostileArticle(bytes) },
    ];
    // Cyrillic, emoji and escaped quotes make the JSON body larger than the text: trim to the limit.
    for (const article of articles) {
      while (Buffer.byteLength(JSON.stringify(article)) > bytes) article.text = article.text.slice(0, Math.floor(article.text.length * 0.97)).replace(/[\ud800-\udbff]$/, "");
    }
    for (const article of articles) {
      const health: number[] = [];
      let busy = true;
      const probe = (async () => {
        while (busy) {
          const started = performance.now();
          await fetch(`${app.url}/api/v1/health`);
          health.push(performance.now() - started);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const started = performance.now();
      const res = await fetch(`${app.url}/api/v1/projects/${project.id}/documents`, { method: "POST", headers, body: JSON.stringify(article) });
      const imported = performance.now() - started;
      const body = (await res.json()) as { results?: { id: string; sentenceCount: number }[] };
      const doc = body.results?.[0];
      if (res.status !== 201 || !doc) throw new Error(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      // The import queues a suggestion run; the worker marks its task DONE when stored.
      for (;;) {
        const task = await prisma().task.findFirst({ where: { projectId: project.id, kind: "SUGGEST", result: { path: ["documentIds"], array_contains: [doc.id] } }, select: { status: true } });
        if (task?.status === "DONE" || task?.status === "FAILED") break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const suggested = performance.now() - started;
      busy = false;
      await probe;
      const suggestions = await prisma().suggestion.count({ where: { documentId: doc.id } });
      // Raw reference: the same text and as many sentence rows, written by plain SQL.
      const rawStarted = performance.now();
      await prisma().$transaction(async (tx) => {
        await tx.$executeRaw`CREATE TEMP TABLE raw_doc (id int, text text) ON COMMIT DROP`;
        await tx.$executeRaw`INSERT INTO raw_doc SELECT 1, ${article.text}`;
        await tx.$executeRaw`CREATE TEMP TABLE raw_sentences (i int, s int, e int) ON COMMIT DROP`;
        await tx.$executeRaw`INSERT INTO raw_sentences SELECT g, g, g + 1 FROM generate_series(1, ${doc.sentenceCount}::int) g`;
      }, { timeout: 60_000 });
      const raw = performance.now() - rawStarted;
      console.log(
        `${article.title.padEnd(16)} ${doc.sentenceCount} sentences: imported in ${seconds(imported)}, suggestions stored (${suggestions}) after ${seconds(suggested)}; ` +
          `health p50 ${percentile(health, 50).toFixed(0)} ms, p95 ${percentile(health, 95).toFixed(0)} ms, max ${Math.max(...health).toFixed(0)} ms over ${health.length} probes; raw INSERT ${seconds(raw)}`,
      );
    }
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
