// npm run bench:saves [-- --annotators 20 --seconds 30 --think-ms 2000 --b2b-seconds 10 --port 0 --url URL]
// WEB_PROCESSES=N runs the web tier as `npm start` does with that setting (N processes, one port).
// A team saving at once, through real HTTP with real API tokens: N annotators, each with its own
// token and document, create or patch annotations with a random 0–think ms pause, for `seconds`;
// then the same back to back. Prints latency percentiles, errors, saves/s and the health route's
// latency meanwhile; verifies every acknowledged save in the database exactly once; and measures a
// raw PostgreSQL reference (INSERT + audit row per transaction via plain `pg`, same concurrency,
// same database). Exits non-zero when a save was lost or duplicated.
// Starts the production build (`npx next build` first) on a throwaway PostgreSQL, or, with --url,
// drives an app already running against DATABASE_URL.
import { startApp, webCpuSeconds, type RunningApp } from "./app-server";
import { startBenchDatabase } from "./bench-db";
import { percentile, probeHealth, runPhase, type PhaseResult, type SaveLedger } from "./saves-load";
import { createTeam } from "./saves-team";
import { rawReference, verifySaves } from "./saves-verify";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return value;
}

function textOption(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const ms = (value: number) => (Number.isNaN(value) ? "—" : `${value.toFixed(value < 10 ? 1 : 0)} ms`);

function row(label: string, r: PhaseResult & { cpu?: number | null }) {
  const saves = r.latencies.length;
  const cpu = r.cpu != null && saves > 0 ? `${((r.cpu * 1000) / saves).toFixed(1)} ms` : "—";
  const cells = [String(saves), (saves / r.seconds).toFixed(1), ms(percentile(r.latencies, 50)), ms(percentile(r.latencies, 95)), ms(percentile(r.latencies, 99)), ms(percentile(r.latencies, 100)), String(r.errors), cpu];
  console.log(`${label.padEnd(26)}${cells.map((c, i) => c.padStart(i === 0 ? 7 : i === 7 ? 14 : 10)).join("")}`);
  for (const sample of r.errorSamples) console.log(`    e.g. ${sample}`);
}

async function main() {
  const annotatorCount = option("annotators", 20);
  const seconds = option("seconds", 30);
  const thinkMs = option("think-ms", 2000);
  const b2bSeconds = option("b2b-seconds", 10);
  const url = textOption("url");
  const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  if (url && !process.env.DATABASE_URL) throw new Error("--url needs DATABASE_URL: the database of that app, to create the team and verify saves.");

  const db = await startBenchDatabase();
  const { prisma } = await import("../../lib/db/prisma");
  const team = await createTeam(annotatorCount);
  let app: RunningApp | null = null;
  try {
    app = url ? { url: url.replace(/\/$/, ""), stop: async () => undefined, workerPids: [] } : await startApp(db.url, option("port", 0));
    const ledger: SaveLedger = { acked: new Map(), uncertain: new Set() };
    const mineBy = new Map();
    console.log(`bench:saves — ${annotatorCount} annotators (own token and document each), app pool ${url ? "(as configured)" : poolSize} connections, ${url ? "" : `${process.env.WEB_PROCESSES ?? 1} web process(es), `}${app.url}`);

    // Warm-up: every route compiled and every connection opened before measuring.
    await runPhase(app.url, team.annotators, 2, 0, ledger, mineBy);
    const health = probeHealth(app.url);
    // The app's own CPU time per save (when this script started it): a figure that holds up on a
    // shared machine, where wall-clock latencies also measure everyone else's load.
    const measured = async (phaseSeconds: number, pause: number) => {
      const before = webCpuSeconds(app!.pid);
      const result = await runPhase(app!.url, team.annotators, phaseSeconds, pause, ledger, mineBy);
      const after = webCpuSeconds(app!.pid);
      return { ...result, cpu: before !== null && after !== null ? after - before : null };
    };
    const paced = await measured(seconds, thinkMs);
    const backToBack = b2bSeconds > 0 ? await measured(b2bSeconds, 0) : null;
    const probes = await health.stop();
    const raw = b2bSeconds > 0 ? await rawReference(db.url, team.annotators, b2bSeconds, poolSize) : null;
    const verification = await verifySaves(db.url, ledger);

    console.log("");
    console.log(`${"phase".padEnd(26)}${["saves", "saves/s", "p50", "p95", "p99", "max", "errors", "app CPU/save"].map((c, i) => c.padStart(i === 0 ? 7 : i === 7 ? 14 : 10)).join("")}`);
    row(`paced (0–${thinkMs} ms pause)`, paced);
    if (backToBack) row("back to back", backToBack);
    if (raw) row("raw pg INSERT+audit (b2b)", raw);
    console.log("");
    console.log(`health during the run     ${probes.latencies.length} probes, p50 ${ms(percentile(probes.latencies, 50))}, p95 ${ms(percentile(probes.latencies, 95))}, max ${ms(percentile(probes.latencies, 100))}, not 200: ${probes.failures}`);
    if (backToBack && raw) {
      const ours = backToBack.latencies.length / backToBack.seconds;
      const reference = raw.latencies.length / raw.seconds;
      console.log(`back to back ÷ raw pg     ${(reference / ours).toFixed(1)}× the raw throughput (${reference.toFixed(0)} vs ${ours.toFixed(0)} saves/s)`);
    }
    const { checked, lost, duplicated } = verification;
    console.log(`verification              ${checked} acknowledged annotations (${ledger.uncertain.size} with an unacknowledged save): lost ${lost.length}, duplicated ${duplicated.length}`);
    if (lost.length || duplicated.length) {
      console.log(`  lost: ${lost.slice(0, 5).join(", ")}  duplicated: ${duplicated.slice(0, 5).join(", ")}`);
      process.exitCode = 2;
    }
  } finally {
    await app?.stop();
    await prisma().$disconnect();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
