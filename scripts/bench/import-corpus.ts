// bench:import inputs: synthetic articles made of the sample corpus's sentences (deterministic),
// written as one JSONL upload.
import fs from "node:fs";
import path from "node:path";
import { seededRandom } from "./bench-db";

function sentencePool(): string[] {
  const corpusDir = path.join(__dirname, "..", "..", "prisma", "seed-data");
  return fs
    .readdirSync(corpusDir)
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(corpusDir, f), "utf8").split(/(?<=[.!?])\s+|\n+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 40 && /[.!?]$/.test(s));
}

/** `count` articles of about `perArticle` sentences (paragraphs of 5) as JSONL; `tag` keeps runs distinct. */
export function articlesJsonl(count: number, perArticle: number, tag: string, seed = 42): string {
  const pool = sentencePool();
  const random = seededRandom(seed);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const paragraphs: string[] = [];
    for (let p = 0; p < Math.max(1, perArticle / 5); p++) {
      paragraphs.push(Array.from({ length: 5 }, () => pool[Math.floor(random() * pool.length)]!).join(" "));
    }
    const title = `Synthetic article ${tag} ${i + 1}`;
    lines.push(JSON.stringify({ title, text: `${title}\n\n${paragraphs.join("\n\n")}`, source: "bench" }));
  }
  return `${lines.join("\n")}\n`;
}

/** One article of about `bytes` UTF-8 bytes (corpus sentences in paragraphs) as a one-line JSONL. */
export function bigArticleJsonl(bytes: number, tag: string): string {
  const pool = sentencePool();
  const random = seededRandom(7);
  const parts: string[] = [`Big article ${tag}\n\n`];
  let size = Buffer.byteLength(parts[0]!);
  for (let i = 0; size < bytes - 1024; i++) {
    const sentence = pool[Math.floor(random() * pool.length)]! + (i % 5 === 4 ? "\n\n" : " ");
    parts.push(sentence);
    size += Buffer.byteLength(sentence) + 1; // JSON escapes the line breaks
  }
  return `${JSON.stringify({ title: `Big article ${tag}`, text: parts.join("").trim() })}\n`;
}
