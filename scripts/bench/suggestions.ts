// npx tsx --conditions=react-server scripts/bench/suggestions.ts [-- --sentences 5000 --runs 5]
// Times the suggesters on a long document (the corpus repeated, cut after N sentences): the pure
// engine alone, and the whole server path that stores them (load the document, its sentences and
// the registry, run, replace pending rows) on a throwaway PostgreSQL.
import fs from "node:fs";
import path from "node:path";
import { argValue, startBenchDatabase } from "./bench-db";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function main() {
  const sentenceCount = argValue("sentences", 5000);
  const runs = argValue("runs", 5);
  const { buildLargeDocument } = await import("../../lib/suggestions/bench");
  const { suggestForDocument } = await import("../../lib/suggestions/suggest");
  const corpusDir = path.join(__dirname, "..", "..", "prisma", "seed-data");
  const texts = fs.readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).sort().map((f) => fs.readFileSync(path.join(corpusDir, f), "utf8"));
  const text = buildLargeDocument(texts, sentenceCount);
  const registry = [
    { id: "putin", name: "Vladimir Putin", aliases: ["Putin"], type: "PERSON" as const },
    { id: "xi", name: "Xi Jinping", aliases: ["Xi"], type: "PERSON" as const },
  ];
  console.log(`bench:suggestions — ${sentenceCount} sentences, ${Array.from(text).length} code points, ${runs} runs each`);

  const pure: number[] = [];
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    count = suggestForDocument({ text, entities: registry }).suggestions.length;
    pure.push(performance.now() - t0);
  }
  console.log(`engine only:   ${count} suggestions; median ${ms(median(pure))}, max ${ms(Math.max(...pure))} (${pure.map(ms).join(", ")})`);

  const db = await startBenchDatabase();
  try {
    const { prisma } = await import("../../lib/db/prisma");
    const { importArticle } = await import("../../lib/documents/import-article");
    const { storeSuggestionsForDocument } = await import("../../lib/suggestion-runs/store-suggestions");
    const { defaultLabelSchema } = await import("../../lib/schema/label-schema");
    const project = await prisma().project.create({ data: { name: "Bench suggestions", labelSchema: defaultLabelSchema(), settings: {} } });
    await prisma().entity.createMany({ data: registry.map(({ id: _id, ...e }) => ({ ...e, projectId: project.id })) });
    const imported = await importArticle({ projectId: project.id, createdById: null, article: { title: "Long", text } });
    if (imported.status !== "imported") throw new Error("the bench document was not imported");
    const stored: number[] = [];
    let outcome: Awaited<ReturnType<typeof storeSuggestionsForDocument>> = null;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      outcome = await storeSuggestionsForDocument(imported.id);
      stored.push(performance.now() - t0);
    }
    console.log(
      `stored (DB):   ${outcome?.stored ?? 0} rows for ${imported.sentenceCount} stored sentences; median ${ms(median(stored))}, max ${ms(Math.max(...stored))} (${stored.map(ms).join(", ")})`,
    );
    const verdict = median(pure) < 1000 && median(stored) < 1000 ? "under 1 s" : "OVER 1 s";
    console.log(`verdict: ${verdict} for a ${sentenceCount}-sentence document`);
    await prisma().$disconnect();
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
