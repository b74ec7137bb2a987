// npm run bench:agreement [-- --documents 10000]   (needs a production build: `npx next build` first)
// Generates a project of N documents, each annotated by two of three annotators (sentence labels,
// claims with stance, quotes with a speaker) plus one audit event per annotation, with COPY. Starts
// the built app (its workers run the job) and, through HTTP as a manager: POSTs a recompute, polls
// the task until it is done (progress samples), reads the cached result, makes one change through
// the annotation API and reads the "out of date" freshness. Compares with a raw
// COPY (SELECT …) TO STDOUT of the annotator-layer rows the job reads, in the same run.
import pg from "pg";
import { copyIn, copyOut } from "./copy-streams";
import { requireBuild, startBuiltApp } from "./app-server";
import { argValue, startBenchDatabase } from "./bench-db";
import { median } from "./median";

const PASSWORD = "bench-password-1";
const SENTENCES = 20;
const esc = (s: string) => s.replace(/\\/gu, "\\\\").replace(/\t/gu, "\\t").replace(/\n/gu, "\\n").replace(/\r/gu, "\\r");
const sentenceOf = (i: number) => `Sentence ${String(i).padStart(2, "0")} of a generated article.`;
const text = Array.from({ length: SENTENCES }, (_, i) => sentenceOf(i)).join(" ");
const sentenceLength = Array.from("Sentence 00 of a generated article.").length;


async function generate(url: string, documents: number) {
  const { prisma } = await import("../../lib/db/prisma");
  const { hashPassword } = await import("../../lib/auth/password");
  const { defaultLabelSchema } = await import("../../lib/schema/label-schema");
  const passwordHash = await hashPassword(PASSWORD);
  const stamp = Date.now();
  const manager = await prisma().user.create({ data: { email: `bench-manager-${stamp}@example.test`, name: "Bench manager", passwordHash } });
  const annotators = await Promise.all(
    [1, 2, 3].map((n) => prisma().user.create({ data: { email: `bench-annotator${n}-${stamp}@example.test`, name: `Bench annotator ${n}`, passwordHash } })),
  );
  const project = await prisma().project.create({
    data: {
      name: "Agreement bench",
      labelSchema: defaultLabelSchema(),
      settings: {},
      memberships: { create: [{ userId: manager.id, roles: ["MANAGER"] }, ...annotators.map((a) => ({ userId: a.id, roles: ["ANNOTATOR" as const] }))] },
    },
  });
  const speaker = await prisma().entity.create({ data: { projectId: project.id, name: "Sergey Lavrov", type: "PERSON" } });
  const docId = (d: number) => `bench${String(d).padStart(7, "0")}`;
  const pairOf = (d: number) => [annotators[d % 3]!, annotators[(d + 1) % 3]!];

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await copyIn(
    client,
    `COPY documents (id, project_id, title, text, text_sha256, normalized_hash, char_count, sentence_count, language, state) FROM STDIN`,
    (function* () {
      for (let d = 0; d < documents; d++) yield `${docId(d)}\t${project.id}\tBench ${d}\t${esc(text)}\t-\t${docId(d)}\t${Array.from(text).length}\t${SENTENCES}\ten\tANNOTATING\n`;
    })(),
  );
  await copyIn(
    client,
    `COPY sentences (document_id, index, start, "end", kind, text, language) FROM STDIN`,
    (function* () {
      for (let d = 0; d < documents; d++)
        yield Array.from(
          { length: SENTENCES },
          (_, i) => `${docId(d)}\t${i}\t${i * (sentenceLength + 1)}\t${i * (sentenceLength + 1) + sentenceLength}\tCONTENT\t${esc(sentenceOf(i))}\ten\n`,
        ).join("");
    })(),
  );
  await copyIn(
    client,
    `COPY assignments (id, document_id, user_id, role, state, updated_at) FROM STDIN`,
    (function* () {
      for (let d = 0; d < documents; d++) yield pairOf(d).map((a, k) => `${docId(d)}-as${k}\t${docId(d)}\t${a.id}\tANNOTATOR\tIN_PROGRESS\tnow\n`).join("");
    })(),
  );
  // Per annotator and document: 5 sentence labels, 2 claims, 2 quotes, with small disagreements.
  let annotationCount = 0;
  const annotationRows = function* () {
    for (let d = 0; d < documents; d++) {
      const rows: string[] = [];
      for (const [k, a] of pairOf(d).entries()) {
        const row = (n: number, type: string, start: string, end: string, sentence: string, attributes: object, speakerId = "\\N") => {
          annotationCount += 1;
          rows.push(`${docId(d)}-${k}-${n}\t${docId(d)}\tANNOTATOR\t${a.id}\t${type}\t${start}\t${end}\t${sentence}\t${esc(JSON.stringify(attributes))}\t${speakerId}\tnow\n`);
        };
        for (let s = 0; s < 5; s++) row(s, "SENTENCE", "\\N", "\\N", String(s), { checkworthy: (s + d + (k && s === 2 ? 1 : 0)) % 2 ? "yes" : "no" });
        for (let c = 0; c < 2; c++) {
          const at = (c * 2 + 5) * (sentenceLength + 1);
          row(5 + c, "CLAIM", String(at), String(at + sentenceLength - (k && c ? 3 : 0)), "\\N", { checkworthy: "yes", stance: [{ target: "Russia–China partnership", value: ((d + k + c) % 5) - 2 }] });
          const quoteAt = (c * 2 + 10) * (sentenceLength + 1);
          row(7 + c, "QUOTE", String(quoteAt), String(quoteAt + 12), "\\N", { form: (d + k) % 4 ? "direct" : "indirect" }, speaker.id);
        }
      }
      yield rows.join("");
    }
  };
  await copyIn(client, `COPY annotations (id, document_id, layer, author_id, type, start, "end", sentence_index, attributes, speaker_id, updated_at) FROM STDIN`, annotationRows());
  // The audit log a real project of this size would have: one event per annotation.
  await client.query(
    `INSERT INTO audit_events (project_id, document_id, annotation_id, actor_id, action, after)
     SELECT d.project_id, a.document_id, a.id, a.author_id, 'annotation.create', jsonb_build_object('layer', 'annotator')
     FROM annotations a JOIN documents d ON d.id = a.document_id WHERE d.project_id = $1 ORDER BY a.document_id, a.id`,
    [project.id],
  );
  await client.query("ANALYZE documents; ANALYZE sentences; ANALYZE assignments; ANALYZE annotations; ANALYZE audit_events");
  return { client, project, manager, annotator: pairOf(0)[0]!, firstDocument: docId(0), annotationCount };
}

async function main() {
  requireBuild();
  const documents = argValue("documents", 10_000);
  const db = await startBenchDatabase();
  const generateStarted = performance.now();
  const { client, project, manager, annotator, firstDocument, annotationCount } = await generate(db.url, documents);
  console.log(`bench:agreement — ${documents.toLocaleString("en")} documents, ${annotationCount.toLocaleString("en")} annotator annotations and as many audit events, generated with COPY in ${((performance.now() - generateStarted) / 1000).toFixed(1)} s`);
  const app = await startBuiltApp(db.url);
  try {
    const tokenOf = async (email: string) => {
      const res = await fetch(`${app.url}/api/v1/auth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: PASSWORD }) });
      return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
    };
    const auth = await tokenOf(manager.email);
    const agreementUrl = `${app.url}/api/v1/projects/${project.id}/agreement`;
    const timedGet = async () => {
      const t0 = performance.now();
      const res = await fetch(agreementUrl, { headers: auth });
      const body = (await res.json()) as { freshness: { state: string; changesSince: number }; result: unknown };
      return { ms: performance.now() - t0, body, bytes: JSON.stringify(body).length };
    };

    const before = await timedGet();
    const started = performance.now();
    const post = await fetch(agreementUrl, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: "{}" });
    const { taskId } = (await post.json()) as { taskId: string };
    const again = (await (await fetch(agreementUrl, { method: "POST", headers: auth })).json()) as { taskId: string; created: boolean };
    const samples: string[] = [];
    let task: { status: string; done: number; total: number; result?: { timingsMs?: Record<string, number> } } = { status: "QUEUED", done: 0, total: 0 };
    let firstProgressMs = 0;
    while (task.status === "QUEUED" || task.status === "RUNNING") {
      await new Promise((r) => setTimeout(r, 200));
      task = (await (await fetch(`${app.url}/api/v1/tasks/${taskId}`, { headers: auth })).json()) as typeof task;
      if (task.done > 0 && firstProgressMs === 0) firstProgressMs = performance.now() - started;
      const sample = `${task.done}/${task.total}`;
      if (task.status === "RUNNING" && samples.at(-1) !== sample) samples.push(sample);
    }
    const jobSeconds = (performance.now() - started) / 1000;
    if (task.status !== "DONE") throw new Error(`the agreement task ended ${task.status}`);

    const fresh: Awaited<ReturnType<typeof timedGet>>[] = [];
    for (let i = 0; i < 10; i++) fresh.push(await timedGet());
    const annotatorAuth = await tokenOf(annotator.email);
    const change = await fetch(`${app.url}/api/v1/documents/${firstDocument}/annotations`, {
      method: "POST",
      headers: { ...annotatorAuth, "content-type": "application/json" },
      body: JSON.stringify({ type: "EDITORIAL", start: 0, end: 8, attributes: { kind: "editor-aside" } }),
    });
    if (change.status !== 201 && change.status !== 200) throw new Error(`saving an annotation failed: HTTP ${change.status} ${await change.text()}`);
    const stale: Awaited<ReturnType<typeof timedGet>>[] = [];
    for (let i = 0; i < 10; i++) stale.push(await timedGet());

    const copy = await copyOut(
      client,
      `SELECT a.id, a.document_id, a.author_id, a.type, a.start, a."end", a.sentence_index, a.attributes, a.speaker_id
       FROM annotations a JOIN documents d ON d.id = a.document_id WHERE d.project_id = '${project.id}' AND a.layer = 'ANNOTATOR' ORDER BY a.document_id`,
    );

    const ms = (x: number) => `${x.toFixed(0)} ms`;
    console.log(`GET before any run       ${ms(before.ms)} (freshness ${before.body.freshness.state})`);
    console.log(`second POST while queued ${again.taskId === taskId && !again.created ? "returned the same task (no duplicate)" : "STARTED A DUPLICATE"}`);
    console.log(`recompute via HTTP       ${jobSeconds.toFixed(2)} s from POST to DONE (${task.done} documents, ${(task.done / jobSeconds).toFixed(0)} documents/s; first progress after ${ms(firstProgressMs)}; queue polling adds up to 1 s)`);
    console.log(`job phases (task result) ${JSON.stringify(task.result?.timingsMs ?? {})}`);
    console.log(`progress samples         ${samples.length} distinct: ${samples.slice(0, 6).join(", ")}${samples.length > 6 ? ", …" : ""}`);
    console.log(`GET cached, fresh        median ${ms(median(fresh.map((g) => g.ms)))} (${fresh[0]!.body.freshness.state}, ${(fresh[0]!.bytes / 1024).toFixed(1)} KB)`);
    console.log(`GET after one save       median ${ms(median(stale.map((g) => g.ms)))} (${stale[0]!.body.freshness.state}, ${stale[0]!.body.freshness.changesSince} change since)`);
    console.log(`raw COPY (SELECT …) TO STDOUT of the annotator rows  ${copy.seconds.toFixed(2)} s (${(copy.bytes / 1024 / 1024).toFixed(1)} MB)`);
    console.log(`ratio recompute/COPY     ${(jobSeconds / copy.seconds).toFixed(1)}×`);
  } finally {
    await app.stop();
    await client.end();
    const { prisma } = await import("../../lib/db/prisma");
    await prisma().$disconnect();
    const { closePgPools } = await import("../../lib/db/pg-pool");
    await closePgPools();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
