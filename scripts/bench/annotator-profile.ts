// `bench:annotator --cpu-profile FILE`: one more warm navigation recorded with Chromium's sampling
// profiler (CDP Profiler), saved as a .cpuprofile (open it in Chrome DevTools → Performance) and
// summarised as the functions with the most self time until data-ready. The production bundle is
// minified, so each function is also shown by the first characters of its source.
import fs from "node:fs";
import type { APIRequestContext, CDPSession, Page } from "playwright-core";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number };
type Profile = { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[]; startTime: number; endTime: number };

type Row = { key: string; name: string; url: string; line: number; column: number; selfMs: number };

/** Self time per function (name + place), from the samples and the time between them. */
export function selfTimes(profile: Profile): Row[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const rows = new Map<string, Row>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    if (!node) continue;
    // A sample's time is the gap to the next sample.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName}|${url}|${lineNumber}|${columnNumber}`;
    const row = rows.get(key) ?? { key, name: functionName || "(anonymous)", url, line: lineNumber, column: columnNumber, selfMs: 0 };
    row.selfMs += ms;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.selfMs - a.selfMs);
}

/** Self time per script (chunk): which bundle the time goes to. */
function byScript(rows: Row[]): [string, number][] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.url || r.name, (totals.get(r.url || r.name) ?? 0) + r.selfMs);
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

const shortUrl = (url: string) => url.replace(/^https?:\/\/[^/]+/, "").replace(/^\/_next\/static\/chunks\//, "");

/** One warm navigation with the profiler on; writes `file` and prints the top self-time functions. */
export async function profileNavigation(page: Page, cdp: CDPSession, request: APIRequestContext, url: string, file: string, top = 25): Promise<void> {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector('[data-testid="annotator"][data-ready="true"]', { timeout: 120_000 });
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
  await cdp.send("Profiler.disable");
  fs.writeFileSync(file, JSON.stringify(profile));
  const rows = selfTimes(profile);
  const total = rows.reduce((s, r) => s + r.selfMs, 0);
  console.log(`CPU profile of one warm navigation (${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms recorded, ${total.toFixed(0)} ms sampled) → ${file}`);
  console.log("  self time by script:");
  for (const [script, ms] of byScript(rows).slice(0, 8)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${shortUrl(script)}`);
  console.log("  top functions by self time:");
  const sources = new Map<string, string[]>();
  for (const r of rows.slice(0, top)) {
    let snippet = "";
    if (r.url.startsWith("http")) {
      if (!sources.has(r.url)) sources.set(r.url, ((await (await request.get(r.url)).text()) || "").split("\n"));
      snippet = (sources.get(r.url)![r.line] ?? "").slice(r.column, r.column + 70).replace(/\s+/g, " ");
    }
    console.log(`  ${r.selfMs.toFixed(1).padStart(8)} ms  ${r.name.slice(0, 28).padEnd(28)} ${`${shortUrl(r.url)}:${r.line + 1}:${r.column + 1}`.slice(0, 40).padEnd(40)} ${snippet}`);
  }
}

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } };

/**
 * Main-thread self time by trace event (ParseHTML, EvaluateScript, FunctionCall, Layout,
 * UpdateLayoutTree, Paint, …) for one warm navigation: where the "(program)" part of the CPU
 * profile goes (parsing, style and layout are not JavaScript).
 */
export async function traceNavigation(page: Page, url: string, top = 15): Promise<void> {
  const browser = page.context().browser()!;
  const requests: string[] = [];
  const onRequest = (r: { url: () => string; resourceType: () => string }) => requests.push(`${r.resourceType()} ${r.url().replace(/^https?:\/\/[^/]+/, "").slice(0, 90)}`);
  page.on("request", onRequest);
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink", "blink.user_timing", "loading"] });
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector('[data-testid="annotator"][data-ready="true"]', { timeout: 120_000 });
  const buffer = await browser.stopTracing();
  page.off("request", onRequest);
  // TRACE_FILE=path keeps the whole trace (open it in Chrome DevTools → Performance).
  if (process.env.TRACE_FILE) fs.writeFileSync(process.env.TRACE_FILE, buffer);
  console.log(`Requests until data-ready (${requests.length}):\n  ${requests.join("\n  ")}`);
  const { traceEvents } = JSON.parse(buffer.toString("utf8")) as { traceEvents: TraceEvent[] };
  // The page's renderer: of the renderer main threads in the trace, the busiest (a navigation may
  // leave an idle one behind, whose 1 ms would be reported otherwise).
  const busyness = (m: TraceEvent) => traceEvents.reduce((sum, e) => (e.pid === m.pid && e.tid === m.tid && e.ph === "X" ? sum + (e.dur ?? 0) : sum), 0);
  const mains = traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const main = mains.map((m) => ({ m, busy: busyness(m) })).sort((a, b) => b.busy - a.busy)[0]?.m;
  if (!main) return console.log("  (no renderer main thread in the trace)");
  const events = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && typeof e.dur === "number").sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  let busy = 0;
  for (const e of events) {
    while (stack.length && stack.at(-1)!.end <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
    else busy += e.dur!;
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
    stack.push({ end: e.ts + e.dur!, name: e.name });
  }
  console.log(`Trace of one warm navigation: renderer main thread busy ${(busy / 1000).toFixed(0)} ms until data-ready; self time by event:`);
  for (const [name, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
}
