// npm run bench:search [-- --documents 10000 --sentences 100 --annotations 200000 --runs 20 --reuse]
// (needs a production build: `npx next build` first)
// Generates a corpus (documents × sentences each, and that many gold annotations in total) with
// COPY, starts the built app with its worker, and through HTTP as a manager times search queries
// (full text: rare, common, phrase, OR, prefix, negation; exact; with filters; annotation scope)
// and every analytics view, `runs` times each after one warm-up: p50 and p95 per query and over
// all search requests. A raw SQL reference runs in the same run on the same database: the bare
// index lookup of a search page with its count, and the bare stance aggregation.
import pg from "pg";
import { requireBuild, startBuiltApp } from "./app-server";
import { argValue, startBenchDatabase } from "./bench-db";
import { findSearchCorpus, OUTLETS, seedSearchCorpus, type SearchFixture } from "./search-seed";

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;

type Case = { name: string; path: string; query: Record<string, string> };

function searchCases(f: SearchFixture): Case[] {
  const en = f.vocabulary.en;
  const ru = f.vocabulary.ru;
  const rare = en[Math.floor(en.length * 0.8)]!;
  const mid = en[Math.floor(en.length * 0.2)]!;
  const common = en.find((w, i) => i > 10 && w.length > 4)!;
  // Content words (stop words are short) for the phrase.
  const [p1, p2] = en.filter((w, i) => i > 30 && w.length > 5);
  const path = `/api/v1/projects/${f.projectId}/search`;
  return [
    { name: `rare word (${rare})`, path, query: { q: rare } },
    { name: `mid word (${mid})`, path, query: { q: mid } },
    { name: `common word (${common})`, path, query: { q: common } },
    { name: "phrase", path, query: { q: `"${p1} ${p2}"` } },
    { name: "OR", path, query: { q: `${rare} OR ${mid}` } },
    { name: "prefix*", path, query: { q: `${mid.slice(0, 4)}*` } },
    { name: "word -word", path, query: { q: `${mid} -${common}` } },
    { name: "Russian word", path, query: { q: ru[Math.floor(ru.length * 0.2)]! } },
    { name: "exact literal", path, query: { q: `${mid} ${en[5]}`.slice(0, 12), mode: "exact" } },
    { name: "word + source + dates", path, query: { q: mid, source: OUTLETS[2]!, from: "2024-03-01", to: "2024-09-30" } },
    { name: "annotations: QUOTE by speaker", path, query: { scope: "annotations", type: "QUOTE", speaker: f.speakerId } },
    { name: "annotations: word + target + stance", path, query: { scope: "annotations", q: mid, target: "Ukraine", stance: "1..2" } },
  ];
}

function analyticsCases(f: SearchFixture): Case[] {
  const base = `/api/v1/projects/${f.projectId}/analytics`;
  return [
    { name: "stance by target", path: `${base}/stance`, query: { groupBy: "target" } },
    { name: "stance by source, target", path: `${base}/stance`, query: { groupBy: "source,target" } },
    { name: "stance by month, target", path: `${base}/stance`, query: { groupBy: "month,target" } },
    { name: "stance by speaker", path: `${base}/stance`, query: { groupBy: "speaker" } },
    { name: "speakers", path: `${base}/speakers`, query: {} },
    { name: "outlets", path: `${base}/outlets`, query: {} },
    { name: "timeline (month)", path: `${base}/timeline`, query: { interval: "month" } },
    { name: "timeline (week)", path: `${base}/timeline`, query: { interval: "week" } },
  ];
}

async function timeCase(url: string, token: string, c: Case, runs: number): Promise<{ times: number[]; total: unknown }> {
  const target = `${url}${c.path}?${new URLSearchParams(c.query).toString()}`;
  const times: number[] = [];
  let total: unknown;
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    const res = await fetch(target, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { total?: number; totalIsLowerBound?: boolean; rows?: unknown[]; error?: unknown };
    const elapsed = performance.now() - started;
    if (!res.ok) return { times: [], total: `${res.status} ${JSON.stringify(body).slice(0, 200)}` };
    total = body.total === undefined ? body.rows?.length : `${body.total}${body.totalIsLowerBound ? "+" : ""}`;
    if (run > 0) times.push(elapsed);
  }
  return { times, total };
}

async function rawReference(url: string, f: SearchFixture, runs: number): Promise<{ search: number[]; stance: number[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const word = f.vocabulary.en[Math.floor(f.vocabulary.en.length * 0.2)]!;
  const search: number[] = [];
  const stance: number[] = [];
  try {
    for (let run = 0; run <= runs; run++) {
      let started = performance.now();
      await client.query(
        `SELECT s.document_id, s.index, s.text FROM sentences s JOIN documents d ON d.id = s.document_id
         WHERE d.project_id = $1 AND s.tsv @@ to_tsquery('english', $2) ORDER BY s.document_id, s.index LIMIT 50`,
        [f.projectId, word],
      );
      await client.query(`SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.document_id WHERE d.project_id = $1 AND s.tsv @@ to_tsquery('english', $2)`, [f.projectId, word]);
      if (run > 0) search.push(performance.now() - started);
      started = performance.now();
      await client.query(
        `SELECT e->>'target', count(*), avg((e->>'value')::int) FROM annotations a JOIN documents d ON d.id = a.document_id
         CROSS JOIN LATERAL jsonb_array_elements(a.attributes->'stance') e WHERE d.project_id = $1 AND a.layer = 'GOLD' GROUP BY 1`,
        [f.projectId],
      );
      if (run > 0) stance.push(performance.now() - started);
    }
  } finally {
    await client.end();
  }
  return { search, stance };
}

async function main() {
  requireBuild();
  const documents = argValue("documents", 10_000);
  const perDoc = argValue("sentences", 100);
  const annotations = argValue("annotations", documents * 20);
  const runs = argValue("runs", 20);
  const db = await startBenchDatabase();
  const log = (line: string) => console.log(line);
  log(`bench:search — ${documents} documents × ${perDoc} sentences = ${documents * perDoc} sentences, ${annotations} gold annotations; ${runs} timed runs per query after one warm-up`);
  const reused = process.argv.includes("--reuse") ? await findSearchCorpus() : null;
  if (reused) log("  reusing the corpus seeded by an earlier run (--reuse)");
  const fixture = reused ?? (await seedSearchCorpus(db.url, { documents, sentences: perDoc, annotations }, log));
  const app = await startBuiltApp(db.url);
  try {
    const all: number[] = [];
    log("\nSearch (HTTP, page of 50 with total and facets; a total with + stopped counting at the cap):");
    for (const c of searchCases(fixture)) {
      const { times, total } = await timeCase(app.url, fixture.token, c, runs);
      all.push(...times);
      log(`  ${c.name.padEnd(38)} p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  (total ${String(total)})`);
    }
    log(`  ${"all search requests".padEnd(38)} p50 ${ms(percentile(all, 50))}  p95 ${ms(percentile(all, 95))}`);
    // What the cap saves: the common word counted exactly (not part of the figure above).
    const common = searchCases(fixture)[2]!;
    const exact = await timeCase(app.url, fixture.token, { ...common, name: "common word, exactTotal=true", query: { ...common.query, exactTotal: "true" } }, runs);
    log(`  ${"common word, exactTotal=true".padEnd(38)} p50 ${ms(percentile(exact.times, 50))}  p95 ${ms(percentile(exact.times, 95))}  (total ${String(exact.total)})`);
    log("\nAnalytics (HTTP, gold layer):");
    for (const c of analyticsCases(fixture)) {
      const { times, total } = await timeCase(app.url, fixture.token, c, runs);
      log(`  ${c.name.padEnd(38)} p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  (${String(total)} rows)`);
    }
    const raw = await rawReference(db.url, fixture, runs);
    log("\nRaw SQL reference (pg client, same database):");
    log(`  ${"search page + count (mid word)".padEnd(38)} p50 ${ms(percentile(raw.search, 50))}  p95 ${ms(percentile(raw.search, 95))}`);
    log(`  ${"stance per target aggregation".padEnd(38)} p50 ${ms(percentile(raw.stance, 50))}  p95 ${ms(percentile(raw.stance, 95))}`);
  } finally {
    await app.stop();
    const { prisma } = await import("../../lib/db/prisma");
    await prisma().$disconnect();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
