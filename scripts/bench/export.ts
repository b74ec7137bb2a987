// npm run bench:export [-- --documents 300 --sentences 100 --annotations 15 --runs 3 --formats native-jsonl,sentences-csv,spans-csv]
// A dataset version the way a user gets one: through HTTP against the built app with its worker
// process (`npx next build` first). Seeds a project of signed-off documents (COPY), then, warm,
// `runs` times: POST a version → poll its task until done → download the zip; prints the median
// and each phase, the raw reference (one joined COPY (SELECT …) TO STDOUT of the same rows, same
// database, same run, median of as many runs), the ratio, and how much the server's resident
// memory (web + worker processes) grew.
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import { requireBuild, rssBytes, startBuiltApp } from "./app-server";
import { argValue, mb, startBenchDatabase } from "./bench-db";
import { copyOut } from "./copy-streams";
import { measureDbShare, type DbShare } from "./export-db-share";
import { joinedReferenceQuery, plainReferenceQueries, seedSignedOffProject } from "./export-seed";
import { median } from "./median";

function textArg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

/** A process and its descendants (next start may run its server in a child). */
function processTree(pid: number): number[] {
  const out = [pid];
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const children = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      for (const c of children ? children.split(/\s+/u) : []) out.push(...processTree(Number(c)));
    }
  } catch {
    // gone, or no /proc
  }
  return out;
}

/**
 * CPU time (user + system, ms) a set of processes has used so far, all threads included (the
 * worker's deflate runs on libuv's pool). Unlike wall time it hardly moves with the machine's
 * load, so it shows what a change to the build costs on a busy 2-core machine.
 */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone, or no /proc
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

type Run = { create: number; ready: number; download: number; total: number; bytes: number; phases: Record<string, number> };

async function oneVersion(url: string, projectId: string, token: string, formats: string[] | undefined): Promise<Run> {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/projects/${projectId}/datasets`, { method: "POST", headers, body: JSON.stringify(formats ? { formats } : {}) });
  if (res.status !== 202 && res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
  const created = (await res.json()) as { number: number; taskId: string };
  const create = performance.now() - started;
  let phases: Record<string, number> = {};
  for (;;) {
    const t = await fetch(`${url}/api/v1/tasks/${created.taskId}`, { headers });
    const task = (await t.json()) as { status: string; error?: string | null; result?: { phases?: Record<string, number> } };
    if (task.status === "DONE") {
      phases = task.result?.phases ?? {};
      break;
    }
    if (task.status === "FAILED" || !t.ok) throw new Error(`build failed: ${JSON.stringify(task)}`);
    // Every 50 ms (the UI polls every 700 ms): closer polling cost the web process more CPU than
    // it saved in latency, on the same two cores as the worker.
    await new Promise((r) => setTimeout(r, 50));
  }
  const ready = performance.now() - started;
  const zip = await fetch(`${url}/api/v1/projects/${projectId}/datasets/${created.number}/zip`, { headers });
  if (!zip.ok) throw new Error(`download: ${zip.status}`);
  let bytes = 0;
  const reader = zip.body!.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.length;
  const total = performance.now() - started;
  return { create, ready: ready - create, download: total - ready, total, bytes, phases };
}

async function main() {
  requireBuild();
  const documents = argValue("documents", 300);
  const perDoc = argValue("sentences", 100);
  const annotationsPerDoc = argValue("annotations", 15);
  const runs = argValue("runs", 3);
  const formats = textArg("formats")?.split(",");
  const db = await startBenchDatabase();
  const seedStarted = performance.now();
  const { projectId, token, userId } = await seedSignedOffProject(db.url, documents, perDoc, annotationsPerDoc);
  console.log(`bench:export — ${documents} signed-off documents × ${perDoc} sentences, ${annotationsPerDoc} gold annotations each (${documents * perDoc} sentences, ${documents * annotationsPerDoc} annotations), seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  console.log(`formats: ${formats?.join(", ") ?? "the default (native JSONL + sentence CSV + span CSV)"}; through HTTP, web + ${process.env.BENCH_WORKERS ?? 1} worker process`);

  const app = await startBuiltApp(db.url);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const pids = () => [...processTree(app.pid!), ...(app.workerPids ?? []).flatMap(processTree)];
    const serverRss = () => pids().reduce((n, p) => n + rssBytes(p), 0);
    const coldRss = serverRss();
    // Warm-up: routes compiled, connections open, the worker's code loaded.
    await oneVersion(app.url, projectId, token, formats);
    const warmRss = serverRss();
    let peak = warmRss;
    const sampler = setInterval(() => (peak = Math.max(peak, serverRss())), 20);

    const workerPids = (app.workerPids ?? []).flatMap(processTree);
    const webPids = processTree(app.pid!);
    const workerCpu: number[] = [];
    const webCpu: number[] = [];
    const ours: Run[] = [];
    const joined: number[] = [];
    const plain: number[] = [];
    const shares: DbShare[] = [];
    let joinedBytes = 0;
    for (let i = 0; i < runs; i++) {
      const cpuBefore = [cpuMs(workerPids), cpuMs(webPids)];
      ours.push(await oneVersion(app.url, projectId, token, formats));
      workerCpu.push(cpuMs(workerPids) - cpuBefore[0]!);
      webCpu.push(cpuMs(webPids) - cpuBefore[1]!);
      const j = await copyOut(client, joinedReferenceQuery(projectId));
      joined.push(j.seconds * 1000);
      joinedBytes = j.bytes;
      let p = 0;
      for (const q of plainReferenceQueries(projectId)) p += (await copyOut(client, q)).seconds * 1000;
      plain.push(p);
      shares.push(await measureDbShare(projectId, userId));
    }
    clearInterval(sampler);
    peak = Math.max(peak, serverRss());

    console.log("");
    for (const [i, r] of ours.entries())
      console.log(`run ${i + 1}: ${ms(r.total)} (create ${ms(r.create)}, built ${ms(r.ready)} later, zip ${mb(r.bytes)} downloaded in ${ms(r.download)}); joined COPY ${ms(joined[i]!)}`);
    const total = median(ours.map((r) => r.total));
    console.log("");
    console.log(`create version → ready → downloaded (median of ${runs})  ${ms(total)}`);
    console.log(`  phases (medians)        create ${ms(median(ours.map((r) => r.create)))}, build until the task is done ${ms(median(ours.map((r) => r.ready)))}, download ${ms(median(ours.map((r) => r.download)))}`);
    const order = ["pickup", "taskUpdates", "setup", "previousFingerprints", "readWait", "render", "progress", "flushWait", "manifest", "store", "storeAndZip", "finish", "zip"];
    const phaseNames = [...new Set([...order, ...ours.flatMap((r) => Object.keys(r.phases))])].filter((p) => ours.some((r) => p in r.phases));
    if (phaseNames.length > 0)
      console.log(`  the build's own phases (worker, medians)  ${phaseNames.map((p) => `${p} ${ms(median(ours.map((r) => r.phases[p] ?? 0)))}`).join(", ")}`);
    console.log(`  CPU time per version (medians, all threads)  worker ${ms(median(workerCpu))} (${workerCpu.map(ms).join(", ")}), web ${ms(median(webCpu))}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
    console.log(`raw joined COPY (SELECT …) TO STDOUT of the same rows  ${ms(median(joined))} (${mb(joinedBytes)})`);
    console.log(`  three plain COPYs of the documents, sentences and annotations  ${ms(median(plain))}`);
    console.log(`ratio ours ÷ joined COPY  ${(total / median(joined)).toFixed(1)}×  (÷ plain COPYs ${(total / median(plain)).toFixed(1)}×)`);
    const share = { read: median(shares.map((x) => x.readMs)), write: median(shares.map((x) => x.writeMs)), copy: median(shares.map((x) => x.copyMs)), back: median(shares.map((x) => x.readBackMs)) };
    console.log(`PostgreSQL's part, the export's own calls alone (medians): keyset reads of the rows ${ms(share.read)}, the binary COPY of the stored chunks ${ms(share.copy)}, reading them back ${ms(share.back)}: ${ms(share.read + share.copy + share.back)} of ${ms(total)}`);
    console.log(`  the store writing the ${mb(shares[0]!.bytes)} of files (hashing and deflating in Node, then that COPY) ${ms(share.write)}`);
    for (const [i, v] of shares[0]!.variants.entries())
      console.log(`  files written ${v.label}: ${ms(median(shares.map((x) => x.variants[i]!.writeMs)))}, read back ${ms(median(shares.map((x) => x.variants[i]!.readBackMs)))}, ${mb(v.storedBytes)} in the chunks table`);
    console.log(`server RSS (web + worker)  ${mb(coldRss)} cold, ${mb(warmRss)} warm, peak ${mb(peak)} during the runs: growth ${mb(peak - warmRss)} (from cold ${mb(peak - coldRss)})`);
  } finally {
    await client.end();
    await app.stop();
    const { closePgPools } = await import("../../lib/db/pg-pool");
    const { prisma } = await import("../../lib/db/prisma");
    await prisma().$disconnect();
    await closePgPools();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
