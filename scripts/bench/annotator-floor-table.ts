// `bench:annotator --floor`: the page's phases beside the floor app's (medians of the same warm runs,
// measured alternately), and what the page takes beyond the floor with the session check: ours.
import { median, type Breakdown } from "./annotator-breakdown";

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

export function printFloorComparison(page: Breakdown[], bare: Breakdown[], session: Breakdown[]): void {
  const cell = (runs: Breakdown[], key: keyof Breakdown, unit: "ms" | "kB") => {
    const v = median(runs.map((r) => r[key]));
    return unit === "kB" ? v / 1024 : v;
  };
  const fmt = (v: number, unit: string) => (Number.isFinite(v) ? `${v.toFixed(0)} ${unit}` : "–").padStart(10);
  console.log(`Framework floor (medians of ${page.length} warm runs each, alternating): Next.js App Router + React, then + CSP nonce proxy + next-auth session decode`);
  console.log(`${"phase".padEnd(26)} ${"page".padStart(10)} ${"floor bare".padStart(10)} ${"+ session".padStart(10)} ${"ours".padStart(10)}  (ours = page − floor with session)`);
  for (const [label, key, unit] of PHASES) {
    const p = cell(page, key, unit);
    const f = cell(session, key, unit);
    console.log(`${label.padEnd(26)} ${fmt(p, unit)} ${fmt(cell(bare, key, unit), unit)} ${fmt(f, unit)} ${fmt(p - f, unit)}`);
  }
}
