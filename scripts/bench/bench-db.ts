// Shared set-up for benchmarks: a throwaway embedded PostgreSQL (real durability settings, so the
// figures mean something), migrated, with DATABASE_URL pointing at it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { ensureDatabase } from "../../lib/db/ensure-database";
import { migrateDeploy } from "../../lib/db/migrate";

export async function startBenchDatabase() {
  if (process.env.DATABASE_URL) {
    await migrateDeploy(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, stop: async () => undefined };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sb-bench-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg") });
  await ensureDatabase(pg.url("postgres"), "bench");
  const url = pg.url("bench");
  await migrateDeploy(url);
  process.env.DATABASE_URL = url;
  return {
    url,
    stop: async () => {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A small deterministic PRNG (mulberry32) so every run generates the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function argValue(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const peakRss = () => process.resourceUsage().maxRSS * 1024;
