// npm run bench:import [-- --articles 2000 --sentences 100]
// Generates N synthetic articles from the sample corpus's sentences and imports them through the
// same code path as POST /api/v1/projects/{id}/documents, then times a raw COPY of the same
// sentence rows into a scratch table on the same database.
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { argValue, mb, peakRss, seededRandom, startBenchDatabase } from "./bench-db";
import { stopQueue } from "@/lib/jobs/queue";

async function main() {
  const articles = argValue("articles", 2000);
  const perArticle = argValue("sentences", 100);
  const db = await startBenchDatabase();
  const { prisma } = await import("../../lib/db/prisma");
  const { importJsonArticles } = await import("../../lib/documents/import-files");
  const { defaultLabelSchema } = await import("../../lib/schema/label-schema");

  const corpusDir = path.join(__dirname, "..", "..", "prisma", "seed-data");
  const pool = fs
    .readdirSync(corpusDir)
    .flatMap((f) => fs.readFileSync(path.join(corpusDir, f), "utf8").split(/(?<=[.!?])\s+|\n+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 40 && /[.!?]$/.test(s));
  const makeArticleWith = (random: () => number, i: number) => {
    const paragraphs: string[] = [];
    for (let p = 0; p < perArticle / 5; p++) {
      const sentences = Array.from({ length: 5 }, () => pool[Math.floor(random() * pool.length)]!);
      paragraphs.push(sentences.join(" "));
    }
    return { title: `Synthetic article ${i}`, text: `Synthetic article ${i}\n\n${paragraphs.join("\n\n")}`, source: "bench" };
  };
  const random = seededRandom(42);
  const makeArticle = (i: number) => makeArticleWith(random, i);

  const user = await prisma().user.create({ data: { email: `bench-${Date.now()}@example.test`, name: "Bench", passwordHash: "x" } });
  const project = await prisma().project.create({ data: { name: "Bench", labelSchema: defaultLabelSchema(), settings: {} } });
  const ctx = { projectId: project.id, userId: user.id };

  // Pure preparation cost (segmentation, language detection, hashing), timed on its own so the
  // storage part can be compared with COPY.
  const { segmentText } = await import("../../lib/ingest/segment");
  const { detectLanguage } = await import("../../lib/ingest/language");
  const { normalizedTextHash } = await import("../../lib/ingest/normalize");
  const prepRandom = seededRandom(42);
  const prepStarted = performance.now();
  for (let i = 0; i < articles; i++) {
    const text = makeArticleWith(prepRandom, i).text;
    normalizedTextHash(text);
    segmentText(text, detectLanguage(text));
  }
  const prepSeconds = (performance.now() - prepStarted) / 1000;

  console.log(`bench:import — ${articles} articles × ~${perArticle} sentences (corpus pool: ${pool.length} sentences)`);
  const started = performance.now();
  let sentences = 0;
  let failed = 0;
  // Requests of 50 articles, as a script would POST them (JSON array body).
  const BATCH = 50;
  for (let i = 0; i < articles; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, articles - i) }, (_, j) => makeArticle(i + j));
    for (const result of await importJsonArticles(ctx, batch)) {
      if (result.status === "imported") sentences += result.sentenceCount ?? 0;
      else failed++;
    }
    if ((i + BATCH) % 500 === 0) console.log(`  … ${i + BATCH} articles`);
  }
  const seconds = (performance.now() - started) / 1000;

  // The baseline: COPY the very rows we wrote into a scratch table with the same columns.
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const rows = await client.query<{ document_id: string; index: number; start: number; end: number; kind: string }>(
    `SELECT s.document_id, s.index, s.start, s."end", s.kind FROM sentences s JOIN documents d ON d.id = s.document_id WHERE d.project_id = $1`,
    [project.id],
  );
  await client.query(`CREATE TABLE bench_copy (LIKE sentences INCLUDING DEFAULTS)`);
  const lines = rows.rows.map((r) => `${r.document_id}\t${r.index}\t${r.start}\t${r.end}\t${r.kind}\n`);
  const copyStarted = performance.now();
  await pipeline(Readable.from(lines), client.query(copyFrom(`COPY bench_copy (document_id, index, start, "end", kind) FROM STDIN`)));
  const copySeconds = (performance.now() - copyStarted) / 1000;
  await client.end();

  const storeSeconds = Math.max(seconds - prepSeconds, 0.001);
  console.log("");
  console.log(`articles imported      ${articles - failed} (${failed} failed)`);
  console.log(`sentences written      ${sentences}`);
  console.log(`time                   ${seconds.toFixed(2)} s`);
  console.log(`articles/s             ${((articles - failed) / seconds).toFixed(1)}`);
  console.log(`sentences/s            ${(sentences / seconds).toFixed(0)}`);
  console.log(`peak memory (RSS)      ${mb(peakRss())}`);
  console.log(`  of which preparation  ${prepSeconds.toFixed(2)} s (segmentation, language detection, hashing)`);
  console.log(`  of which storage     ${storeSeconds.toFixed(2)} s (one transaction per document: duplicate check, document row, sentences)`);
  console.log(`raw COPY of same rows  ${copySeconds.toFixed(2)} s (${rows.rowCount} rows)`);
  console.log(`ratio storage/COPY     ${(storeSeconds / copySeconds).toFixed(1)}×`);
  console.log(`ratio end-to-end/COPY  ${(seconds / copySeconds).toFixed(1)}×`);
  // Imports queue suggestion runs; stop pg-boss before its database goes away.
  await stopQueue();
  await prisma().$disconnect();
  await db.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
