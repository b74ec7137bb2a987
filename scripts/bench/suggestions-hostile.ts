// Time of the whole suggestion pass on 5 MB hostile articles, and of merge proposals against a
// registry of 10,000 speakers. Pure computation in this process (no database or HTTP involved).
// Usage: npx tsx scripts/bench/suggestions-hostile.ts [megabytes=5] [speakers=10000]
import fs from "node:fs";
import path from "node:path";
import { proposeMerges } from "../../lib/suggestions/entities";
import { suggestForDocument } from "../../lib/suggestions/suggest";
import { hostileArticle, hostileLine, registryOf } from "../../tests/scaling/suggestions-inputs";

const megabytes = Number(process.argv[2] ?? 5);
const speakers = Number(process.argv[3] ?? 10_000);
const size = Math.round(megabytes * 1_000_000);
const seedDir = path.resolve(__dirname, "../../prisma/seed-data");
const corpus = fs.readdirSync(seedDir).filter((f) => f.endsWith(".txt")).sort().map((f) => fs.readFileSync(path.join(seedDir, f), "utf8"));
const paragraph = corpus.join(" ").split("\n").find((l) => l.length > 300) ?? "Putin said: \"We agree.\"";
const oneLine = corpus.join(" ").replace(/\s*\n\s*/g, " ");
const registry = registryOf(50);

function time<T>(label: string, work: () => T, describe: (out: T) => string): void {
  const started = performance.now();
  const out = work();
  console.log(`${label.padEnd(46)} ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} s  ${describe(out)}`);
}

const articles: Array<[string, string]> = [
  [`${megabytes} MB one-line article (corpus, no line breaks)`, oneLine.repeat(Math.ceil(size / oneLine.length)).slice(0, size)],
  [`${megabytes} MB one-line hostile article`, hostileLine(size)],
  [`${megabytes} MB hostile-shapes article`, hostileArticle(size, paragraph)],
];
for (const [label, text] of articles)
  time(label, () => suggestForDocument({ text, entities: registry }), (out) => `${out.suggestions.length} suggestions`);

const big = registryOf(speakers);
const proposed = registryOf(20, 7).map((e) => ({ name: e.name, type: e.type }));
time(`proposeMerges, ${speakers} speakers: registry pairs`, () => proposeMerges(big, []), (out) => `${out.length} pairs (once per registry)`);
time(`proposeMerges, ${speakers} speakers: per document`, () => proposeMerges(big, proposed), (out) => `${out.length} pairs, 20 new names`);
