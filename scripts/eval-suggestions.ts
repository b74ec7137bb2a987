// Evaluates the suggesters and the boilerplate rules through the import pipeline on three splits:
//   sample  the five seed articles (prisma/seed-data, gold in lib/suggestions/gold) — the rules
//           were written while reading them, so they are fixtures, not a measure of anything;
//   dev     tests/fixtures/suggestion-corpus/dev — rules are tuned on these;
//   test    tests/fixtures/suggestion-corpus/test — never tuned on; --verbose never prints its errors.
// Confidence: --calibrate rewrites lib/suggestions/calibration.json from the dev split alone; every
// run prints how well the table's confidences predict correctness (reliability) per split.
// Usage: npx tsx scripts/eval-suggestions.ts [--split sample,dev,test] [--verbose] [--no-timing] [--calibrate]
import fs from "node:fs";
import path from "node:path";
import { buildLargeDocument } from "../lib/suggestions/bench";
import { buildCalibration, reliability, withTable, type CalibrationTable, type Outcome } from "../lib/suggestions/calibration";
import { CALIBRATION } from "../lib/suggestions/confidence";
import { addCounts, emptyCounts, evaluateDocument, type Counts, type EvalDocument, type Finding } from "../lib/suggestions/corpus-eval";
import { parseCorpusMarkup } from "../lib/suggestions/corpus-markup";
import { goldFileSchema } from "../lib/suggestions/evaluate";
import { suggestForDocument } from "../lib/suggestions/suggest";
import type { RegistryEntity } from "../lib/suggestions/types";

const root = path.resolve(__dirname, "..");
const seedDir = path.join(root, "prisma/seed-data");
const corpusDir = path.join(root, "tests/fixtures/suggestion-corpus");
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const splitArg = args[args.indexOf("--split") + 1];
const splits = (args.includes("--split") && splitArg ? splitArg : "sample,dev,test").split(",");
for (const s of splits)
  if (!["sample", "dev", "test"].includes(s)) {
    console.error(`unknown split "${s}" (sample, dev, test)`);
    process.exit(2);
  }

// The sample registry as a team would have it; "Zelenskiy" is a duplicate spelling on purpose.
const sampleRegistry: RegistryEntity[] = [
  { id: "putin", name: "Vladimir Putin", aliases: ["Putin"], type: "PERSON" },
  { id: "xi", name: "Xi Jinping", aliases: ["Xi"], type: "PERSON" },
  { id: "lukashenko", name: "Alexander Lukashenko", aliases: [], type: "PERSON" },
  { id: "zelenskyy", name: "Volodymyr Zelenskyy", aliases: [], type: "PERSON" },
  { id: "zelenskiy", name: "Zelenskiy", aliases: [], type: "PERSON" },
  { id: "cnn", name: "CNN", aliases: [], type: "OUTLET" },
  { id: "inosmi", name: "InoSMI", aliases: ["ИноСМИ"], type: "OUTLET" },
];

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function loadSample(): { docs: EvalDocument[]; registry: RegistryEntity[] } {
  const goldPath = path.join(root, "lib/suggestions/gold/corpus-gold.json");
  let gold;
  try {
    gold = goldFileSchema.parse(JSON.parse(fs.readFileSync(goldPath, "utf8")));
  } catch (e) {
    fail(`cannot read gold file ${goldPath}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const docs = Object.keys(gold.files)
    .sort()
    .map((file) => ({ name: file, group: "en", text: fs.readFileSync(path.join(seedDir, file), "utf8"), gold: gold.files[file] ?? [] }));
  return { docs, registry: sampleRegistry };
}

function loadCorpus(split: string): { docs: EvalDocument[]; registry: RegistryEntity[] } {
  const dir = path.join(corpusDir, split);
  const docs: EvalDocument[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
    const group = /\.(\w+)\.txt$/u.exec(file)?.[1] ?? "?";
    try {
      const parsed = parseCorpusMarkup(fs.readFileSync(path.join(dir, file), "utf8"));
      docs.push({ name: file, group, ...parsed });
    } catch (e) {
      fail(`${split}/${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const registry = JSON.parse(fs.readFileSync(path.join(dir, "registry.json"), "utf8")) as RegistryEntity[];
  return { docs, registry };
}

const ratio = (a: number, b: number) => (b === 0 ? "  -  " : (a / b).toFixed(2).padStart(5));
const header = `${"split/group".padEnd(12)} docs | quote R   P  speaker | edit R   P  | boilerplate R  content-marked | boundaries R   P`;
function row(label: string, c: Counts): string {
  return (
    `${label.padEnd(12)} ${String(c.docs).padStart(4)} | ${ratio(c.quoteMatched, c.quoteGold)} ${ratio(c.quoteMatched, c.quoteSuggested)}  ${ratio(c.speakerCorrect, c.speakerJudged)}  ` +
    `| ${ratio(c.edMatched, c.edGold)} ${ratio(c.edMatched, c.edSuggested)} | ${ratio(c.bpFound, c.bpGold)}          ${ratio(c.contentMarked, c.contentLines)}      ` +
    `| ${ratio(c.boundMatched, c.boundGold)} ${ratio(c.boundMatched, c.boundPredicted)}`
  );
}

let table: CalibrationTable = CALIBRATION;
if (args.includes("--calibrate")) {
  const { docs, registry } = loadCorpus("dev");
  const outcomes: Outcome[] = [];
  for (const doc of docs) evaluateDocument(doc, registry, undefined, outcomes);
  table = buildCalibration(outcomes, `dev split, ${docs.length} articles, ${outcomes.length} judged suggestions`);
  const file = path.join(root, "lib/suggestions/calibration.json");
  fs.writeFileSync(file, `${JSON.stringify(table, null, 2)}\n`);
  console.log(`Calibration written to lib/suggestions/calibration.json (${Object.keys(table.rules).length} rules, from the dev split).\n`);
}

function printReliability(outcomes: Outcome[]): void {
  const r = reliability(withTable(table, outcomes));
  const bins = r.bins.map((b) => `[${b.from.toFixed(2)},${b.to.toFixed(2)}) n=${b.n} conf ${b.meanConfidence.toFixed(2)} right ${b.accuracy.toFixed(2)}`);
  console.log(`${"".padEnd(12)} confidence reliability (${r.n} judged): ECE ${r.ece.toFixed(3)}, Brier ${r.brier.toFixed(3)}; ${bins.join("; ")}`);
}

console.log("Match: same type, overlap >= 50% of the union, one-to-one. Direct quotes only (indirect speech has no gold).");
console.log("Goals (held-out): quote R >= 0.90, P >= 0.85, speaker >= 0.80, edit R >= 0.80, P >= 0.90, boilerplate R >= 0.80, content marked <= 0.05, boundaries >= 0.97.\n");
console.log(header);
const sampleTexts: string[] = [];
for (const split of splits) {
  const { docs, registry } = split === "sample" ? loadSample() : loadCorpus(split);
  if (split === "sample") sampleTexts.push(...docs.map((d) => d.text));
  const total = emptyCounts();
  const byGroup = new Map<string, Counts>();
  const findings: Finding[] = [];
  const outcomes: Outcome[] = [];
  for (const doc of docs) {
    const c = evaluateDocument(doc, registry, findings, outcomes);
    addCounts(total, c);
    const g = byGroup.get(doc.group) ?? emptyCounts();
    addCounts(g, c);
    byGroup.set(doc.group, g);
  }
  console.log(row(split, total));
  if (byGroup.size > 1) for (const [g, c] of [...byGroup].sort()) console.log(row(`  ${g}`, c));
  const kinds = Object.entries(total.edByKind).sort().map(([k, [f, t]]) => `${k} ${f}/${t}`);
  console.log(`${"".padEnd(12)} editorial recall by kind: ${kinds.join(", ")}`);
  console.log(`${"".padEnd(12)} counts: quotes ${total.quoteMatched}/${total.quoteGold} (suggested ${total.quoteSuggested}), speakers ${total.speakerCorrect}/${total.speakerJudged}, editorial ${total.edMatched}/${total.edGold} (suggested ${total.edSuggested}), boilerplate lines ${total.bpFound}/${total.bpGold}, content lines marked ${total.contentMarked}/${total.contentLines}, boundaries ${total.boundMatched}/${total.boundGold} (predicted ${total.boundPredicted})`);
  printReliability(outcomes);
  // The test split stays unseen: its figures are printed, its individual errors never are.
  if (verbose && split !== "test") for (const f of findings) console.log(`  ${f.what.toUpperCase()} ${f.doc}: ${f.detail}`);
}

if (!args.includes("--no-timing") && sampleTexts.length > 0) {
  // The first call includes JIT warm-up; later calls show the steady state.
  const big = buildLargeDocument(sampleTexts, 5000);
  const times: number[] = [];
  let count = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    count = suggestForDocument({ text: big, entities: sampleRegistry }).suggestions.length;
    times.push(performance.now() - t0);
  }
  console.log(`\n5,000-sentence document (${Array.from(big).length} code points): ${count} suggestions; ${times.map((t) => `${t.toFixed(0)} ms`).join(", ")} (first run cold)`);
}
