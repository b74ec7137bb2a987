// bench:saves load: each annotator saves through the public API with its own token (create or
// patch of its own annotations), pausing a random 0–think ms between saves; a prober polls
// /api/v1/health meanwhile. Every acknowledged save is remembered for the verification.
import crypto from "node:crypto";
import type { BenchAnnotator } from "./saves-team";

export type Acked = { version: number; type: string; documentId: string };
export type PhaseResult = { latencies: number[]; errors: number; errorSamples: string[]; seconds: number };
export type SaveLedger = { acked: Map<string, Acked>; uncertain: Set<string> };

const TARGETS = ["Russia–China partnership", "United States / the West", "Ukraine"];
// A small shared pool of speaker names: annotators often name the same new speaker at once.
const SPEAKERS = Array.from({ length: 12 }, (_, i) => `Bench Speaker ${i + 1}`);

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

function span(charCount: number, maxLength = 80) {
  const start = Math.floor(Math.random() * (charCount - 2));
  return { start, end: Math.min(charCount, start + 1 + Math.floor(Math.random() * maxLength)) };
}

function attributesFor(type: string, charCount: number) {
  const stance = [{ target: pick(TARGETS), value: Math.floor(Math.random() * 5) - 2 }];
  if (type === "CLAIM") return { checkworthy: pick(["yes", "no"]), stance };
  return { form: pick(["direct", "indirect", "mixed"]), speaker: { name: pick(SPEAKERS) }, cue: span(charCount, 10), stance };
}

type Mine = { id: string; type: string; version: number };

async function saveOnce(base: string, a: BenchAnnotator, mine: Mine[], ledger: SaveLedger): Promise<void> {
  const headers = { authorization: `Bearer ${a.token}`, "content-type": "application/json" };
  const patch = mine.length > 0 && Math.random() < 0.5;
  const target = patch ? pick(mine) : { id: crypto.randomUUID(), type: pick(["CLAIM", "QUOTE"]), version: 0 };
  const request = patch
    ? { url: `${base}/api/v1/annotations/${target.id}`, method: "PATCH", body: { version: target.version, attributes: attributesFor(target.type, a.charCount) } }
    : { url: `${base}/api/v1/documents/${a.documentId}/annotations`, method: "POST", body: { id: target.id, type: target.type, ...span(a.charCount), attributes: attributesFor(target.type, a.charCount) } };
  let response: Response;
  try {
    response = await fetch(request.url, { method: request.method, headers, body: JSON.stringify(request.body), signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    ledger.uncertain.add(target.id);
    throw new Error(`${request.method} failed: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => null)) as { id?: string; version?: number; error?: { code: string; message: string } } | null;
  if (!response.ok || !body?.id || typeof body.version !== "number") {
    ledger.uncertain.add(target.id);
    throw new Error(`${request.method} HTTP ${response.status}: ${body?.error?.code ?? "?"} ${body?.error?.message ?? ""}`.trim());
  }
  if (!patch) mine.push(target);
  target.version = body.version;
  ledger.acked.set(target.id, { version: body.version, type: target.type, documentId: a.documentId });
}

/** All annotators saving for `seconds`, each pausing random 0–thinkMs between saves (0: back to back). */
export async function runPhase(base: string, annotators: BenchAnnotator[], seconds: number, thinkMs: number, ledger: SaveLedger, mineBy: Map<string, Mine[]>): Promise<PhaseResult> {
  const result: PhaseResult = { latencies: [], errors: 0, errorSamples: [], seconds };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    annotators.map(async (a) => {
      const mine = mineBy.get(a.userId) ?? [];
      mineBy.set(a.userId, mine);
      // Stagger the first saves over the pause, as people do not all press save at once.
      if (thinkMs > 0) await new Promise((r) => setTimeout(r, Math.random() * thinkMs));
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await saveOnce(base, a, mine, ledger);
          result.latencies.push(performance.now() - t0);
        } catch (error) {
          result.errors++;
          if (result.errorSamples.length < 5) result.errorSamples.push((error as Error).message);
        }
        if (thinkMs > 0) await new Promise((r) => setTimeout(r, Math.random() * thinkMs));
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/** Polls the health route every `everyMs` until stopped; latencies and non-200 answers. */
export function probeHealth(base: string, everyMs = 250) {
  const latencies: number[] = [];
  let failures = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        const response = await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        if (response.status !== 200) failures++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { latencies, failures };
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
