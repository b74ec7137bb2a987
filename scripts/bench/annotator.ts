// npm run bench:annotator  (needs a production build: `npx next build` first)
// Generates a 2,000-sentence / 300-span and a 20,000-sentence / 3,000-span document in a
// throwaway PostgreSQL, starts the built app with its worker on a free port, signs in as the assigned annotator
// in headless Chromium and prints, per document: time until the annotator page is interactive
// (data-ready="true" set in the DOM, and when the test driver saw it), the page HTML's arrival and size, the requests made before ready (the layer
// comes with the page, so there should be none), the main thread's long tasks until ready
// (parsing and hydration), the time one keypress takes to move the focused sentence, DOM size and
// JS heap. Warm runs are summarised as a median, with a breakdown (first byte and the web process's
// CPU time, HTML done, DOMContentLoaded, hydrated, text in hand, ready) and what the page HTML is
// made of. `--quick`: the 2,000-sentence document only. A Label Studio reference is not run here: pass
// `--label-studio-ms <2k>,<20k>` (its ready times measured on the same machine) to print ratios.
// `--baseline DIR`: a second checkout with its own build (e.g. the previous commit), served side by
// side and measured alternately, for a before/after on a noisy machine.
// `--cpu-profile FILE`: one more warm navigation of the 2,000-sentence document under Chromium's
// profiler, saved to FILE and summarised (top self-time functions), then one under Chromium's
// tracing (main-thread time by event; `TRACE_FILE=path` saves that trace too).
// `--floor`: also builds and serves a minimal Next.js app (see annotator-floor.ts) and measures it
// with the same driver, alternating with the page, and prints the page's phases beside it: what the
// fixed stack costs by itself, and what is ours.
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { chromium, type BrowserContext, type CDPSession, type Page } from "playwright-core";
import { startApp, startBuiltApp, webCpuSeconds } from "./app-server";
import { htmlComposition, printBreakdown, type Breakdown } from "./annotator-breakdown";
import { FLOOR_COOKIE, floorSessionToken, startFloorApp, type FloorApp } from "./annotator-floor";
import { printFloorComparison } from "./annotator-floor-table";
import { profileNavigation, traceNavigation } from "./annotator-profile";
import { argValue, mb, startBenchDatabase } from "./bench-db";
import { PASSWORD, seedAnnotatorBench } from "./annotator-seed";
import { median } from "./median";

const root = path.resolve(__dirname, "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Installed before every navigation: adds up the main thread's long tasks (≥ 50 ms: parsing,
 * hydration), and notes when `data-ready="true"` appears in the DOM (a MutationObserver: its
 * callback runs right after the change, so this is the moment itself, not when the test driver
 * next looks, which waits for whatever the page does next) and when the first frame after it starts.
 */
const PAGE_PROBES = `window.__longTaskMs = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTaskMs += e.duration; }).observe({ type: "longtask", buffered: true });
window.__readyAt = NaN; window.__frameAt = NaN;
const readyProbe = new MutationObserver(() => {
  if (!document.querySelector('[data-testid="annotator"][data-ready="true"]')) return;
  window.__readyAt = performance.now();
  readyProbe.disconnect();
  requestAnimationFrame(() => { window.__frameAt = performance.now(); });
});
readyProbe.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"] });`;

/** CPU seconds used so far by the browser's renderer processes (the page's parsing, scripts, layout). */
async function rendererCpuSeconds(browserCdp: CDPSession): Promise<number> {
  const { processInfo } = (await browserCdp.send("SystemInfo.getProcessInfo")) as { processInfo: { type: string; cpuTime: number }[] };
  return processInfo.filter((p) => p.type === "renderer").reduce((sum, p) => sum + p.cpuTime, 0);
}

async function measure(page: Page, cdp: CDPSession, browserCdp: CDPSession, url: string, webPid: number | undefined) {
  const cpuBefore = webCpuSeconds(webPid) ?? 0;
  const rendererBefore = await rendererCpuSeconds(browserCdp);
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector('[data-testid="annotator"][data-ready="true"]', { timeout: 120_000 });
  const serverCpuMs = ((webCpuSeconds(webPid) ?? 0) - cpuBefore) * 1000;
  // CPU, not wall time: it holds up on a loaded machine, where the wall time above does not.
  const clientCpuMs = ((await rendererCpuSeconds(browserCdp)) - rendererBefore) * 1000;
  const { readyMs, frameMs, seenMs, longTaskMs, htmlMs, htmlBytes, requests, ttfbMs, domContentLoadedMs, hydratedMs, textMs, scriptBytes } = await page.evaluate(() => {
    const seenMs = performance.now();
    const probes = window as unknown as { __longTaskMs?: number; __readyAt?: number; __frameAt?: number };
    const readyMs = probes.__readyAt ?? NaN;
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const fetches = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((e) => e.initiatorType === "fetch" && e.startTime < readyMs && e.name.includes("/api/"));
    const longTaskMs = probes.__longTaskMs ?? 0;
    return {
      readyMs, frameMs: probes.__frameAt ?? NaN, seenMs, longTaskMs, htmlMs: nav ? nav.responseEnd : 0, htmlBytes: nav ? nav.decodedBodySize : 0, ttfbMs: nav ? nav.responseStart : 0,
      domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : 0,
      // Set by the page: when it was hydrated and when the text was in hand (latest of each).
      hydratedMs: performance.getEntriesByName("annotator:hydrated").at(-1)?.startTime ?? NaN,
      textMs: performance.getEntriesByName("annotator:text").at(-1)?.startTime ?? NaN,
      requests: fetches.map((e) => new URL(e.name).pathname.split("/").slice(-1)[0]),
      // The scripts the page loaded before it was ready (decoded: warm runs take them from the cache).
      scriptBytes: (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((e) => e.startTime < readyMs && /\.js(\?|$)/.test(e.name))
        .reduce((sum, e) => sum + e.decodedBodySize, 0),
    };
  });
  const breakdown: Breakdown = { ttfbMs, htmlMs, domContentLoadedMs, hydratedMs, textMs, readyMs, frameMs, seenMs, serverCpuMs, clientCpuMs, scriptBytes };
  // One keypress: j moves the focus from the first to the second sentence.
  const pressed = Date.now();
  await page.keyboard.press("j");
  await page.waitForSelector('[data-row="1"][data-focused="true"]');
  const keyMs = Date.now() - pressed;
  const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
  // The visit's requests after ready (relations, suggestions, scripts loaded when idle) finish and
  // the page is left, so the next navigation (of this or another build) is measured on its own.
  await page.waitForLoadState("networkidle");
  await page.goto("about:blank");
  return { readyMs, htmlMs, htmlBytes, requests, longTaskMs, keyMs, domNodes, heap, breakdown };
}

/** `--label-studio-ms 2000,95000`: Label Studio's ready times for the two documents, measured separately. */
function labelStudioReference(): number[] | null {
  const index = process.argv.indexOf("--label-studio-ms");
  if (index < 0) return null;
  const values = (process.argv[index + 1] ?? "").split(",").map(Number);
  if (values.length !== 2 || values.some((v) => !Number.isFinite(v) || v <= 0)) throw new Error("--label-studio-ms takes two positive numbers: <2k>,<20k>");
  return values;
}

async function main() {
  const runs = argValue("runs", 4);
  const labelStudio = labelStudioReference();
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("No production build: run `npx next build` first.");
    process.exit(1);
  }
  const db = await startBenchDatabase();
  const { prisma } = await import("../../lib/db/prisma");
  const { email, projectId, documents } = await seedAnnotatorBench(process.argv.includes("--quick") ? [[2000, 300]] : [[2000, 300], [20000, 3000]]);
  const project = { id: projectId };

  // `--baseline DIR`: another checkout with its own build, served side by side on the same
  // database; runs alternate between the two, so both see the same machine load.
  const baselineDir = process.argv.includes("--baseline") ? path.resolve(process.argv[process.argv.indexOf("--baseline") + 1] ?? "") : null;
  const apps = [{ name: "this build", app: await startBuiltApp(db.url) }];
  if (baselineDir) apps.push({ name: "baseline", app: await startApp(db.url, 0, {}, baselineDir) });
  // Built before the browser starts, so its build does not load the machine during the runs.
  const floor: FloorApp | null = process.argv.includes("--floor") ? await startFloorApp() : null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const errors: string[] = [];
  const browserCdp = await browser.newBrowserCDPSession();
  try {
    type Target = { name: string; pid?: number; context: BrowserContext; page: Page; cdp: CDPSession; path: (pageUrl: string) => string; floor: boolean };
    const targets: Target[] = [];
    for (const { name, app } of apps) {
      const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1400, height: 900 } });
      const csrf = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const signIn = await context.request.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email, password: PASSWORD, json: "true" } });
      if (!signIn.ok()) throw new Error(`sign-in failed: HTTP ${signIn.status()}`);
      const page = await context.newPage();
      await page.addInitScript(PAGE_PROBES);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Performance.enable");
      page.on("pageerror", (e) => errors.push(`${name}: ${e.message}`));
      targets.push({ name, pid: app.pid, context, page, cdp, path: (pageUrl: string) => pageUrl, floor: false });
    }
    // The floor app's two pages, in contexts of their own; /session gets a next-auth cookie for it.
    for (const variant of floor ? ["bare", "session"] : []) {
      const context = await browser.newContext({ baseURL: floor!.url, viewport: { width: 1400, height: 900 } });
      const host = new URL(floor!.url).hostname;
      await context.addCookies([{ name: FLOOR_COOKIE, value: await floorSessionToken(floor!.secret), domain: host, path: "/", httpOnly: true, sameSite: "Lax" }]);
      const html = await (await context.request.get(`/${variant}`)).text();
      if (!html.includes('data-testid="annotator"')) throw new Error(`the floor app's /${variant} did not render its ready component`);
      const page = await context.newPage();
      await page.addInitScript(PAGE_PROBES);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Performance.enable");
      page.on("pageerror", (e) => errors.push(`floor /${variant}: ${e.message}`));
      targets.push({ name: `floor /${variant}`, pid: floor!.pid, context, page, cdp, path: () => `/${variant}`, floor: true });
    }

    console.log(`bench:annotator — headless Chromium against the built app${baselineDir ? ` and the baseline in ${baselineDir}, alternating` : ""}, ${runs} runs per document (run 1 is cold); load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores`);
    console.log("document                         run  data-ready   page HTML  (size)  long tasks  requests before ready   keypress  DOM nodes   JS heap");
    for (const [d, doc] of documents.entries()) {
      const pageUrl = `/projects/${project.id}/documents/${doc.id}/annotate`;
      const label = `${doc.sentences.toLocaleString("en")} sentences / ${doc.spans.toLocaleString("en")} spans`.padEnd(32);
      const warm = targets.map(() => [] as number[]);
      const breakdowns = targets.map(() => [] as Breakdown[]);
      for (let run = 1; run <= runs; run++) {
        for (const [t, target] of targets.entries()) {
          // The floor does not depend on the document: measured beside the first one only.
          if (target.floor && d > 0) continue;
          const m = await measure(target.page, target.cdp, browserCdp, target.path(pageUrl), target.pid);
          if (run > 1) {
            warm[t]!.push(m.readyMs);
            breakdowns[t]!.push(m.breakdown);
          }
          const requests = m.requests.length ? m.requests.join(", ") : "none";
          console.log(
            `${label} ${String(run).padStart(3)}  ${`${m.readyMs.toFixed(0)} ms`.padStart(10)}  ${`${m.htmlMs.toFixed(0)} ms`.padStart(10)}  ${mb(m.htmlBytes).padStart(7)} ${`${m.longTaskMs.toFixed(0)} ms`.padStart(10)}  ${requests.padEnd(22)} ${`${m.keyMs} ms`.padStart(9)} ${String(m.domNodes).padStart(10)} ${mb(m.heap).padStart(9)}${targets.length > 1 ? `  ${target.name}` : ""}`,
          );
        }
      }
      for (const [t, target] of targets.entries()) {
        if (target.floor && d > 0) continue;
        const ready = median(warm[t]!);
        const reference = labelStudio?.[d];
        const ratio = reference ? `; Label Studio reference ${reference} ms → ${(ready / reference).toFixed(2)}×` : "";
        console.log(`${label} median of warm runs${targets.length > 1 ? ` (${target.name})` : ""}: ${ready.toFixed(0)} ms to data-ready${ratio}`);
        printBreakdown(breakdowns[t]!);
        console.log(`${"".padEnd(32)} page HTML: ${await htmlComposition(target.context.request, target.path(pageUrl))}`);
      }
      if (d === 0 && floor) {
        const of = (name: string) => breakdowns[targets.findIndex((t) => t.name === name)]!;
        const pages = apps.map(({ name }) => ({ name, runs: of(name) }));
        printFloorComparison(pages, of("floor /bare"), of("floor /session"));
      }
      console.log(`${"".padEnd(32)} load average now ${os.loadavg()[0]!.toFixed(1)}`);
      const profileFile = process.argv.includes("--cpu-profile") ? process.argv[process.argv.indexOf("--cpu-profile") + 1] : undefined;
      if (d === 0 && profileFile) {
        const { page, cdp, context } = targets[0]!;
        await profileNavigation(page, cdp, context.request, pageUrl, profileFile);
        await traceNavigation(page, pageUrl);
      }
    }
    if (!labelStudio) console.log("No Label Studio reference on this machine (pass --label-studio-ms <2k>,<20k> to print ratios): absolute figures only.");
    if (errors.length) console.log(`page errors: ${errors.join(" | ")}`);
    for (const target of targets) await target.context.close();
  } finally {
    await browser.close();
    for (const { app } of apps) await app.stop();
    await floor?.stop();
    await prisma().$disconnect();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
