// npm run profile:ingest [-- --mb 5]
// Times the preparation of one large article before storage, step by step: decode → parse →
// duplicate fingerprint → language → segmentation (sentences + boilerplate), for a one-line
// article (a whole article from a JSON field), a hostile-shapes article (runs of quotes, spaces,
// dots, "!!!!", number lists, …) and the same text with line breaks. Pure CPU, no database:
// the HTTP import on top of this is timed by bench:import.
import { decodeUpload } from "@/lib/ingest/decode";
import { detectLanguage } from "@/lib/ingest/language";
import { normalizedTextHash } from "@/lib/ingest/normalize";
import { parseArticles } from "@/lib/ingest/parse-article";
import { segmentText } from "@/lib/ingest/segment";
import { HOSTILE_SHAPES, hostileArticle } from "@/tests/scaling/ingest-shapes";
import { argValue, mb, peakRss } from "./bench-db";

type Step = { name: string; ms: number };

function timed<T>(steps: Step[], name: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  steps.push({ name, ms: performance.now() - started });
  return result;
}

function prepare(label: string, format: "txt" | "jsonl", body: string): void {
  const bytes = new TextEncoder().encode(body);
  const steps: Step[] = [];
  const decoded = timed(steps, "decode", () => decodeUpload(bytes));
  if (!decoded.ok) throw new Error(decoded.message);
  const items = timed(steps, "parse", () => parseArticles(format, decoded.text));
  const item = items[0];
  if (item === undefined || !item.ok) throw new Error(`parse failed: ${item?.ok === false ? item.message : "no item"}`);
  const { text } = item.article;
  timed(steps, "fingerprint", () => normalizedTextHash(text));
  const language = timed(steps, "language", () => detectLanguage(text));
  const segments = timed(steps, "segment", () => segmentText(text, language));
  const total = steps.reduce((sum, s) => sum + s.ms, 0);
  const detail = steps.map((s) => `${s.name} ${(s.ms / 1000).toFixed(2)} s`).join(", ");
  console.log(
    `${label.padEnd(34)} ${mb(bytes.length).padStart(8)}  ${(total / 1000).toFixed(2).padStart(6)} s  ` +
      `${String(segments.length).padStart(7)} segments  (${detail})`,
  );
}

function main() {
  const size = Math.round(argValue("mb", 5) * 1_000_000);
  console.log(`Preparing ${size.toLocaleString("en")}-character articles:`);
  const oneLine = HOSTILE_SHAPES.oneLineArticle!(size);
  prepare("one-line article (.txt)", "txt", oneLine);
  prepare("one-line article (.jsonl field)", "jsonl", `${JSON.stringify({ text: oneLine })}\n`);
  prepare("same text, a line per sentence", "txt", oneLine.replace(/\. /g, ".\n"));
  const hostile = hostileArticle(size);
  prepare("hostile shapes, one per line (.txt)", "txt", hostile);
  prepare("hostile shapes on one line (.jsonl)", "jsonl", `${JSON.stringify({ text: hostile.replace(/\n+/g, " ") })}\n`);
  console.log(`peak RSS ${mb(peakRss())}`);
}

main();
