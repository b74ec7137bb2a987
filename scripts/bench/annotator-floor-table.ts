// `bench:annotator --floor`: the page's phases beside the floor app's (medians of the same warm runs,
// measured alternately), and what the page takes beyond the floor with the session check: ours.
import type { Breakdown } from "./annotator-breakdown";
import { median } from "./median";

const PHASES: [string, keyof Breakdown, "ms" | "kB"][] = [
  ["first byte", "ttfbMs", "ms"],
  ["web CPU per request", "serverCpuMs", "ms"],
  ["HTML done", "htmlMs", "ms"],
  ["DOMContentLoaded", "domContentLoadedMs", "ms"],
  ["hydrated", "hydratedMs", "ms"],
  ["data-ready", "readyMs", "ms"],
  ["renderer CPU until ready", "clientCpuMs", "ms"],
  ["scripts until ready", "scriptBytes", "kB"],
];

/** `pages`: the page as each build serves it (this build, and the baseline if there is one). */
export function printFloorComparison(pages: { name: string; runs: Breakdown[] }[], bare: Breakdown[], session: Breakdown[]): void {
  const cell = (runs: Breakdown[], key: keyof Breakdown, unit: "ms" | "kB") => {
    const v = median(runs.map((r) => r[key]));
    return unit === "kB" ? v / 1024 : v;
  };
  const fmt = (v: number, unit: string) => (Number.isFinite(v) ? `${v.toFixed(0)} ${unit}` : "–").padStart(12);
  const head = (s: string) => s.slice(0, 12).padStart(12);
  console.log(`Framework floor (medians of ${bare.length} warm runs each, alternating with the page): Next.js App Router + React; then + CSP nonce proxy + next-auth session decode`);
  console.log(`${"phase".padEnd(26)} ${pages.map((p) => head(p.name)).join(" ")} ${head("floor bare")} ${head("+ session")} ${pages.map((p) => head(`ours (${p.name})`)).join(" ")}`);
  for (const [label, key, unit] of PHASES) {
    const floor = cell(session, key, unit);
    const own = pages.map((p) => cell(p.runs, key, unit));
    console.log(`${label.padEnd(26)} ${own.map((v) => fmt(v, unit)).join(" ")} ${fmt(cell(bare, key, unit), unit)} ${fmt(floor, unit)} ${own.map((v) => fmt(v - floor, unit)).join(" ")}`);
  }
  console.log(`${"".padEnd(26)} ours = the page − the floor with the session check`);
}
