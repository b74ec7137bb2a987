// Where the annotator page's time goes, per warm navigation: the server (time to first byte and
// the web process's CPU time, which holds up on a loaded machine where wall time does not), the
// HTML's transfer, DOMContentLoaded (scripts parsed and run), hydration, the text in hand (from
// its immutable URL) and data-ready (annotator mounted, layer and outbox loaded); and what the
// page HTML is made of.
import fs from "node:fs";
import type { APIRequestContext } from "playwright-core";
import { median } from "./median";

export type Breakdown = {
  ttfbMs: number;
  htmlMs: number;
  domContentLoadedMs: number;
  hydratedMs: number;
  textMs: number;
  /** `data-ready="true"` set in the DOM. */
  readyMs: number;
  /** The first frame after it (requestAnimationFrame). */
  frameMs: number;
  /** When the test driver saw it: after whatever the page's main thread did next. */
  seenMs: number;
  serverCpuMs: number;
  /** CPU time of the browser's renderer processes from navigation to data-ready. */
  clientCpuMs: number;
  /** Bytes of the scripts loaded before data-ready (decoded). */
  scriptBytes: number;
};


export function printBreakdown(runs: Breakdown[]): void {
  if (runs.length === 0) return;
  const m = (key: keyof Breakdown) => median(runs.map((r) => r[key]));
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(
    `${"".padEnd(32)} breakdown (medians): first byte ${ms(m("ttfbMs"))} (web CPU ${ms(m("serverCpuMs"))}), HTML done ${ms(m("htmlMs"))}, ` +
      `DOMContentLoaded ${ms(m("domContentLoadedMs"))}, hydrated ${ms(m("hydratedMs"))}, text in hand ${ms(m("textMs"))}, ready ${ms(m("readyMs"))}, ` +
      `first frame after it ${ms(m("frameMs"))}, seen by the test driver ${ms(m("seenMs"))} (browser renderer CPU ${ms(m("clientCpuMs"))})`,
  );
}

/** The page HTML's size split into the React Server Components payload and the rendered markup. */
export async function htmlComposition(request: APIRequestContext, url: string): Promise<string> {
  const html = await (await request.get(url)).text();
  // BENCH_SAVE_HTML=file keeps one page for a closer look.
  if (process.env.BENCH_SAVE_HTML) fs.writeFileSync(process.env.BENCH_SAVE_HTML, html);
  const bytes = (s: string) => Buffer.byteLength(s, "utf8");
  const flight = [...html.matchAll(/<script[^>]*>self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce((sum, match) => sum + bytes(match[1]!), 0);
  const scripts = [...html.matchAll(/<script[^>]*>.*?<\/script>/gs)].reduce((sum, match) => sum + bytes(match[0]), 0);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  return `${kb(bytes(html))} in all: RSC payload ${kb(flight)}, other inline scripts ${kb(scripts - flight)}, markup ${kb(bytes(html) - scripts)}`;
}
