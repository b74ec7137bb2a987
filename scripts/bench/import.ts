// npm run bench:import [-- --articles 300 --sentences 100 --runs 3]   (needs `npx next build`)
// npm run bench:import -- --large [--large-articles 10000 --large-sentences 10 --mb 5]
// The way a user imports: one JSONL upload to POST /api/v1/projects/{id}/imports of the built app
// (web server + one worker process, as `npm start` runs it), then GET /api/v1/tasks/{id} until the
// task is done. Prints the median through-API time of `runs` imports (each into a fresh project),
// a raw PostgreSQL reference measured afterwards on the same database (COPY of the same document
// and sentence rows into logged tables with the same indexes, warm, median of 3), the ratio, and
// the peak RSS of the web server and the worker. --large imports a 5 MB single article and a
// 10,000-article JSONL instead and reports their time and peak RSS (bounded memory).
import http from "node:http";
import { peakRssOf, requireBuild, startBuiltApp, suggestionTasksSettled, type RunningApp } from "./app-server";
import { argValue, mb, startBenchDatabase } from "./bench-db";
import { articlesJsonl, bigArticleJsonl } from "./import-corpus";
import { copyReference } from "./import-reference";
import { median } from "./median";

type TaskView = { status: string; result: { imported: number; duplicates: number; failed: number }; error: string | null };
type Outcome = { seconds: number; pickedUpAfter: number | null; task: TaskView };

const secs = (s: number) => `${s.toFixed(2)} s`;

/**
 * A multipart upload as a browser or curl sends it, with `Expect: 100-continue`: an early answer
 * (an error before the body is read) comes back as a status instead of a broken pipe.
 */
function postMultipart(url: string, token: string, name: string, content: string): Promise<{ status: number; body: { taskId?: string } }> {
  const boundary = `----bench${Date.now().toString(36)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/jsonl\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": payload.length, expect: "100-continue" },
    });
    req.on("continue", () => req.end(payload));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { taskId?: string } });
        } catch {
          resolve({ status: res.statusCode ?? 0, body: { raw: text } as { taskId?: string } });
        }
      });
    });
    req.on("error", reject);
  });
}

async function importUpload(app: RunningApp, token: string, projectId: string, name: string, jsonl: string): Promise<Outcome> {
  const headers = { authorization: `Bearer ${token}` };
  const started = performance.now();
  const { status, body } = await postMultipart(`${app.url}/api/v1/projects/${projectId}/imports`, token, name, jsonl);
  if (status !== 202 || !body.taskId) throw new Error(`upload answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
  let pickedUpAfter: number | null = null;
  for (;;) {
    const task = (await (await fetch(`${app.url}/api/v1/tasks/${body.taskId}`, { headers })).json()) as TaskView;
    if (pickedUpAfter === null && task.status !== "QUEUED") pickedUpAfter = (performance.now() - started) / 1000;
    if (task.status === "DONE" || task.status === "FAILED") return { seconds: (performance.now() - started) / 1000, pickedUpAfter, task };
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function main() {
  requireBuild();
  const large = process.argv.includes("--large");
  const db = await startBenchDatabase();
  const { prisma } = await import("../../lib/db/prisma");
  const { createApiToken } = await import("../../lib/auth/api-tokens");
  const { defaultLabelSchema } = await import("../../lib/schema/label-schema");
  const stamp = Date.now().toString(36);
  const user = await prisma().user.create({ data: { email: `bench-import-${stamp}@example.test`, name: "Bench manager", passwordHash: "x" } });
  const { token } = await createApiToken(user.id, "bench");
  const newProject = async (name: string) =>
    (
      await prisma().project.create({
        data: { name: `${name} ${stamp}`, labelSchema: defaultLabelSchema(), settings: {}, memberships: { create: { userId: user.id, roles: ["MANAGER"] } } },
        select: { id: true },
      })
    ).id;
  const app = await startBuiltApp(db.url);
  const rss = () => `web ${mb(peakRssOf(app.pid) ?? 0)}, worker ${app.workerPids.map((p) => mb(peakRssOf(p) ?? 0)).join(" + ")}`;
  try {
    if (large) {
      const cases = [
        { label: `one ${argValue("mb", 5)} MB article`, jsonl: bigArticleJsonl(Math.min(argValue("mb", 5) * 1024 * 1024, 5 * 1024 * 1024 - 4096), stamp) },
        { label: `${argValue("large-articles", 10000)} articles`, jsonl: articlesJsonl(argValue("large-articles", 10000), argValue("large-sentences", 10), `L${stamp}`) },
      ];
      console.log(`bench:import --large through ${app.url} (web + ${app.workerPids.length} worker process)`);
      for (const c of cases) {
        const projectId = await newProject(c.label);
        const out = await importUpload(app, token, projectId, "large.jsonl", c.jsonl);
        const sentences = await prisma().sentence.count({ where: { document: { projectId } } });
        console.log(
          `${c.label.padEnd(16)} ${mb(Buffer.byteLength(c.jsonl))} upload: ${out.task.status} in ${secs(out.seconds)} (imported ${out.task.result.imported}, failed ${out.task.result.failed}, ${sentences} sentences); peak RSS so far ${rss()}`,
        );
        // Suggestion runs queued at the end of an import finish before the next import starts.
        await suggestionTasksSettled(projectId, 200);
      }
      return;
    }
    const articles = argValue("articles", 300);
    const perArticle = argValue("sentences", 100);
    const runs = argValue("runs", 3);
    console.log(`bench:import — ${articles} articles × ~${perArticle} sentences as one JSONL upload through ${app.url} (web + ${app.workerPids.length} worker process)`);
    const outcomes: Outcome[] = [];
    const projects: string[] = [];
    for (let run = 0; run < runs; run++) {
      const projectId = await newProject(`Import bench ${run + 1}`);
      projects.push(projectId);
      const jsonl = articlesJsonl(articles, perArticle, `${stamp}-${run}`);
      const out = await importUpload(app, token, projectId, "articles.jsonl", jsonl);
      if (out.task.status !== "DONE" || out.task.result.imported !== articles) throw new Error(`import ended ${out.task.status}: ${JSON.stringify(out.task.result)} ${out.task.error ?? ""}`);
      outcomes.push(out);
      console.log(`  run ${run + 1}: ${secs(out.seconds)} (task running after ${secs(out.pickedUpAfter ?? 0)}), ${mb(Buffer.byteLength(jsonl))} upload`);
      const settledFrom = performance.now();
      await suggestionTasksSettled(projectId, 200);
      console.log(`         its suggestion run finished ${secs((performance.now() - settledFrom) / 1000)} later`);
    }
    const last = projects.at(-1)!;
    const sentences = await prisma().sentence.count({ where: { document: { projectId: last } } });
    const ours = median(outcomes.map((o) => o.seconds));
    const ref = await copyReference(db.url, [last]);
    console.log("");
    console.log(`through the API        median ${secs(ours)} of ${outcomes.map((o) => o.seconds.toFixed(2)).join(", ")} s — ${(articles / ours).toFixed(0)} articles/s, ${(sentences / ours).toFixed(0)} sentences/s`);
    console.log(`  picked up after      median ${secs(median(outcomes.map((o) => o.pickedUpAfter ?? 0)))}`);
    console.log(`raw COPY reference     ${secs(ref.totalSeconds)} (documents ${secs(ref.documentsSeconds)} for ${ref.documents} rows, sentences ${secs(ref.sentencesSeconds)} for ${ref.sentences} rows)`);
    console.log(`ratio API ÷ COPY       ${(ours / ref.totalSeconds).toFixed(1)}× (÷ sentences-only COPY ${(ours / ref.sentencesSeconds).toFixed(1)}×)`);
    console.log(`peak RSS               ${rss()}`);
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
