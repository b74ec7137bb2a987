// Evaluate the suggesters on the five seed articles against lib/suggestions/gold/corpus-gold.json.
// Usage: npx tsx scripts/eval-suggestions.ts [--verbose]
import fs from "node:fs";
import path from "node:path";
import { buildLargeDocument } from "../lib/suggestions/bench";
import { goldFileSchema, matchSpans, speakerAccuracy, type GoldItem, type GoldFile } from "../lib/suggestions/evaluate";
import { namesLikelySame } from "../lib/suggestions/names";
import { suggestForDocument } from "../lib/suggestions/suggest";
import type { RegistryEntity, Suggestion } from "../lib/suggestions/types";

const root = path.resolve(__dirname, "..");
const seedDir = path.join(root, "prisma/seed-data");
const goldPath = path.join(root, "lib/suggestions/gold/corpus-gold.json");
const verbose = process.argv.includes("--verbose");

// A small registry as a team would have it; "Zelenskiy" is a duplicate spelling on purpose.
const registry: RegistryEntity[] = [
  { id: "putin", name: "Vladimir Putin", aliases: ["Putin"], type: "PERSON" },
  { id: "xi", name: "Xi Jinping", aliases: ["Xi"], type: "PERSON" },
  { id: "lukashenko", name: "Alexander Lukashenko", aliases: [], type: "PERSON" },
  { id: "zelenskyy", name: "Volodymyr Zelenskyy", aliases: [], type: "PERSON" },
  { id: "zelenskiy", name: "Zelenskiy", aliases: [], type: "PERSON" },
  { id: "cnn", name: "CNN", aliases: [], type: "OUTLET" },
  { id: "inosmi", name: "InoSMI", aliases: ["ИноСМИ"], type: "OUTLET" },
];

let gold: GoldFile;
try {
  gold = goldFileSchema.parse(JSON.parse(fs.readFileSync(goldPath, "utf8")));
} catch (e) {
  console.error(`cannot read gold file ${goldPath}: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}

const goldEditorial: GoldItem[] = [];
const goldQuotes: GoldItem[] = [];
const sugEditorial: Suggestion[] = [];
const sugDirect: Suggestion[] = [];
let indirect = 0;
let claims = 0;
const merges = new Map<string, number>();
const proposed = new Set<string>();
const texts: string[] = [];

// Offsets are per file: shift each file into its own range so one matching pass can score all files.
let shift = 0;
for (const file of Object.keys(gold.files).sort()) {
  const text = fs.readFileSync(path.join(seedDir, file), "utf8");
  texts.push(text);
  const out = suggestForDocument({ text, entities: registry });
  const move = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + shift, end: x.end + shift });
  for (const g of gold.files[file] ?? []) (g.type === "EDITORIAL" ? goldEditorial : goldQuotes).push(move(g));
  for (const s of out.suggestions) {
    if (s.type === "EDITORIAL") sugEditorial.push(move(s));
    else if (s.type === "CLAIM") claims++;
    else if (s.attributes.form === "indirect") indirect++;
    else sugDirect.push(move(s));
  }
  for (const p of out.proposedEntities) proposed.add(`${p.name} (${p.type})`);
  for (const m of out.mergeProposals) merges.set(`${m.a} ~ ${m.b}`, m.score);
  shift += Array.from(text).length + 1;
}

const ed = matchSpans(goldEditorial, sugEditorial);
const dq = matchSpans(goldQuotes, sugDirect);
const spk = speakerAccuracy(dq.pairs);
const f = (x: number) => x.toFixed(3);
const row = (name: string, s: { gold: number; suggested: number; matched: number; precision: number; recall: number; f1: number }) =>
  console.log(`${name.padEnd(20)} ${String(s.gold).padStart(5)} ${String(s.suggested).padStart(6)} ${String(s.matched).padStart(6)}  ${f(s.precision)}  ${f(s.recall)}  ${f(s.f1)}`);

console.log("match: same type, overlap >= 50% of the union, one-to-one\n");
console.log(`${"kind".padEnd(20)} ${"gold".padStart(5)} ${"sugg".padStart(6)} ${"match".padStart(6)}  prec   recall  F1`);
row("editorial", ed.score);
row("direct quote", dq.score);
console.log(`${"indirect quote".padEnd(20)} no gold: ${indirect} suggested`);
console.log(`${"claim".padEnd(20)} no gold: ${claims} suggested`);
console.log(`\nspeaker accuracy (matched direct quotes with a gold speaker): ${spk.correct}/${spk.judged} = ${f(spk.accuracy)}`);
console.log(`proposed entities: ${[...proposed].join(", ")}`);
console.log(`merge proposals: ${[...merges].map(([k, v]) => `${k} (${v})`).join("; ") || "none"}`);

if (verbose) {
  for (const g of [...ed.missed, ...dq.missed]) console.log(`MISSED ${g.type} ${JSON.stringify(g.text.slice(0, 80))}`);
  for (const s of [...ed.spurious, ...dq.spurious]) console.log(`SPURIOUS ${s.type} ${s.rule} @${s.start}`);
  for (const p of dq.pairs)
    if (typeof p.gold.speaker === "string" && !namesLikelySame(p.suggestion.speakerName ?? "", p.gold.speaker))
      console.log(`SPEAKER gold=${p.gold.speaker} got=${p.suggestion.speakerName ?? "-"} :: ${p.gold.text.slice(0, 50)}`);
}

// The first call includes JIT warm-up; later calls show the steady state.
const big = buildLargeDocument(texts, 5000);
const times: number[] = [];
let count = 0;
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  count = suggestForDocument({ text: big, entities: registry }).suggestions.length;
  times.push(performance.now() - t0);
}
console.log(`\n5,000-sentence document (${Array.from(big).length} code points): ${count} suggestions; ${times.map((t) => `${t.toFixed(0)} ms`).join(", ")} (first run cold)`);
