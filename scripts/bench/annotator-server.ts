// npm run bench:annotator-server  (needs a production build: `npx next build` first)
// The annotator page's cost to the server, over plain HTTP (no browser, so the figures are the web
// process's alone): the 2,000-sentence / 300-span document of bench:annotator, signed in as its
// annotator; per request the first byte, the whole response and the web process's CPU time, for
// the page HTML and for the two API reads the page makes as it starts (suggestions, relations).
// `--runs N` (default 20) measured requests of each after 5 warm-up ones; `--baseline DIR`: a
// second checkout with its own build, served side by side and measured alternately.
// `--cpu-profile DIR`: this build runs under `node --cpu-prof`, and the measured window (after the
// warm-up, page requests only) is written to DIR/window.json for scripts/bench/server-profile.ts;
// `--cpu-profile-baseline DIR` does the same for the baseline. A profiled server is slower: compare
// builds on runs without a profiler.
import fs from "node:fs";
import path from "node:path";
import { startApp, webCpuSeconds, type RunningApp } from "./app-server";
import { PASSWORD, seedAnnotatorBench } from "./annotator-seed";
import { argValue, startBenchDatabase } from "./bench-db";
import { measurePageDbShare } from "./annotator-db-share";
import { median } from "./median";

type Sample = { ttfbMs: number; totalMs: number; cpuMs: number; bytes: number; body: string };

/** Signs in through next-auth's credentials callback; returns the Cookie header to send. */
async function signIn(url: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`sign-in failed: HTTP ${res.status}`);
  return cookie();
}

async function timed(app: RunningApp, url: string, cookie: string): Promise<Sample> {
  const cpuBefore = webCpuSeconds(app.pid) ?? 0;
  const started = performance.now();
  const res = await fetch(`${app.url}${url}`, { headers: { cookie } });
  const ttfbMs = performance.now() - started;
  const body = await res.text();
  const totalMs = performance.now() - started;
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return { ttfbMs, totalMs, cpuMs: ((webCpuSeconds(app.pid) ?? 0) - cpuBefore) * 1000, bytes: Buffer.byteLength(body), body };
}

// /proc counts CPU in 10 ms ticks, too coarse for a median of one request: the mean, over many.
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

async function main() {
  const runs = argValue("runs", 20);
  const baselineDir = process.argv.includes("--baseline") ? path.resolve(process.argv[process.argv.indexOf("--baseline") + 1] ?? "") : null;
  const profileArg = ["--cpu-profile", "--cpu-profile-baseline"].find((a) => process.argv.includes(a));
  const profileDir = profileArg ? path.resolve(process.argv[process.argv.indexOf(profileArg) + 1] ?? "") : null;
  // Which of the apps (0: this build, 1: the baseline) runs under the profiler.
  const profiled = profileArg === "--cpu-profile-baseline" ? 1 : 0;
  if (profiled === 1 && !baselineDir) throw new Error("--cpu-profile-baseline needs --baseline DIR");
  const db = await startBenchDatabase();
  const { prisma } = await import("../../lib/db/prisma");
  const { email, projectId, documents } = await seedAnnotatorBench([[2000, 300]]);
  const doc = documents[0]!;
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  const previousArgs = process.env.BENCH_APP_NODE_ARGS ?? "";
  const profiling = (which: number) => {
    process.env.BENCH_APP_NODE_ARGS = profileDir && which === profiled ? `--cpu-prof --cpu-prof-interval=200 --cpu-prof-dir=${profileDir}` : previousArgs;
  };
  profiling(0);
  const apps = [{ name: "this build", app: await startApp(db.url, 0) }];
  profiling(1);
  if (baselineDir) apps.push({ name: "baseline", app: await startApp(db.url, 0, {}, baselineDir) });
  process.env.BENCH_APP_NODE_ARGS = previousArgs;
  const urls = {
    page: `/projects/${projectId}/documents/${doc.id}/annotate`,
    suggestions: `/api/v1/documents/${doc.id}/suggestions`,
    relations: `/api/v1/documents/${doc.id}/relations?layer=mine`,
  };
  try {
    const targets = [];
    for (const { name, app } of apps) targets.push({ name, app, cookie: await signIn(app.url, email), samples: new Map<string, Sample[]>() });
    for (const t of targets) for (let i = 0; i < 5; i++) for (const url of Object.values(urls)) await timed(t.app, url, t.cookie);
    console.log(`bench:annotator-server — ${doc.sentences} sentences / ${doc.spans} spans, ${runs} requests of each after 5 warm-up ones${baselineDir ? `, alternating with the baseline in ${baselineDir}` : ""}`);
    // The profile window covers the page requests of this build only (monotonic clock, µs, the profiler's).
    const window = { from: 0, to: 0, requests: runs };
    for (const [kind, url] of Object.entries(urls)) {
      for (let run = 0; run < runs; run++) {
        for (const t of targets) {
          if (kind === "page" && t === targets[profiled] && run === 0) window.from = Number(process.hrtime.bigint() / 1000n);
          const s = await timed(t.app, url, t.cookie);
          if (kind === "page" && t === targets[profiled]) window.to = Number(process.hrtime.bigint() / 1000n);
          t.samples.set(kind, [...(t.samples.get(kind) ?? []), s]);
        }
      }
    }
    console.log("request       build         first byte   response   web CPU    size   (medians; web CPU: mean)");
    for (const kind of Object.keys(urls)) {
      for (const t of targets) {
        const s = t.samples.get(kind)!;
        const f = (xs: number[]) => `${median(xs).toFixed(1)} ms`.padStart(10);
        console.log(`${kind.padEnd(13)} ${t.name.padEnd(12)} ${f(s.map((x) => x.ttfbMs))} ${f(s.map((x) => x.totalMs))} ${`${mean(s.map((x) => x.cpuMs)).toFixed(1)} ms`.padStart(10)} ${`${(median(s.map((x) => x.bytes)) / 1024).toFixed(1)} kB`.padStart(9)}`);
      }
    }
    const share = await measurePageDbShare(email, projectId, doc.id, runs);
    console.log(
      `PostgreSQL's part of a page request, the page's own reads alone through the app's pool (medians of ${runs}): ` +
        `session user ${share.userMs.toFixed(1)} ms, then project access and the page's data side by side ${share.accessAndRowsMs.toFixed(1)} ms: ` +
        `${share.totalMs.toFixed(1)} ms of the page's first byte`,
    );
    if (profileDir) {
      fs.writeFileSync(path.join(profileDir, "window.json"), JSON.stringify(window));
      fs.writeFileSync(path.join(profileDir, "page.html"), targets[profiled]!.samples.get("page")!.at(-1)!.body);
    }
  } finally {
    for (const { app } of apps) await app.stop();
    await prisma().$disconnect();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
