// npm run bench:export [-- --scale 0.1]
// Builds a signed-off project of 10,000 documents / 1,000,000 sentences / 200,000 gold annotations
// (times --scale) with COPY, exports native JSONL and CSV through the same code as a dataset
// version (keyset cursor → writers → dataset_file_chunks), and compares with a raw
// COPY (SELECT …) TO STDOUT of the same rows.
import pg from "pg";
import { copyIn, copyOut } from "./copy-streams";
import { mb, peakRss, seededRandom, startBenchDatabase } from "./bench-db";

const SENTENCES = [
  "Moscow and Beijing signed a new energy agreement on Tuesday.",
  "«Санкции не работают», заявил министр журналистам.",
  "The spokesperson said the partnership is “stronger than ever” 👍.",
  "Critics in Washington called the deal a strategic mistake.",
  "(Translator's note: the quote was shortened.)",
  "Officials did not comment on the figures 🇷🇺🇨🇳.",
  "Экономисты ожидают роста товарооборота на 10%.",
  "=SUM(A1) appeared in a reader comment, which we keep verbatim.",
];
const LENGTHS = SENTENCES.map((s) => Array.from(s).length);
const TYPES = ["CLAIM", "QUOTE", "EDITORIAL"];

function scaleArg(): number {
  const i = process.argv.indexOf("--scale");
  const value = i >= 0 ? Number(process.argv[i + 1]) : 1;
  if (!Number.isFinite(value) || value <= 0 || value > 10) throw new Error("--scale must be a number in (0, 10]");
  return value;
}

// COPY text format: backslash, tab, LF and CR must be escaped.
const esc = (s: string) => s.replace(/\\/gu, "\\\\").replace(/\t/gu, "\\t").replace(/\n/gu, "\\n").replace(/\r/gu, "\\r");

type GenDoc = { id: string; text: string; sentences: { start: number; end: number }[] };

function* generate(documents: number, perDoc: number): Generator<GenDoc> {
  const random = seededRandom(7);
  for (let d = 0; d < documents; d++) {
    const parts: string[] = [];
    const sentences: { start: number; end: number }[] = [];
    let at = 0;
    for (let s = 0; s < perDoc; s++) {
      const k = Math.floor(random() * SENTENCES.length);
      if (s > 0) {
        const sep = s % 5 === 0 ? "\r\n" : " ";
        parts.push(sep);
        at += sep.length;
      }
      parts.push(SENTENCES[k]!);
      sentences.push({ start: at, end: at + LENGTHS[k]! });
      at += LENGTHS[k]!;
    }
    yield { id: `doc${String(d).padStart(7, "0")}`, text: parts.join(""), sentences };
  }
}


async function main() {
  const scale = scaleArg();
  const documents = Math.max(1, Math.round(10_000 * scale));
  const perDoc = 100;
  const annotationsPerDoc = 20;
  const db = await startBenchDatabase();
  const { prisma } = await import("../../lib/db/prisma");
  const { closePgPools } = await import("../../lib/db/pg-pool");
  const { defaultLabelSchema } = await import("../../lib/schema/label-schema");
  const { buildVersionFiles } = await import("../../lib/datasets/build-version");
  const { readFileChunks } = await import("../../lib/datasets/read-chunks");
  const { createNativeJsonlWriter } = await import("../../lib/export/native");
  const { createSentencesCsvWriter } = await import("../../lib/export/sentences-csv");
  const { createSpansCsvWriter } = await import("../../lib/export/spans-csv");

  const user = await prisma().user.create({ data: { email: `bench-${Date.now()}@example.test`, name: "Bench", passwordHash: "x" } });
  const project = await prisma().project.create({ data: { name: "Bench export", labelSchema: defaultLabelSchema(), settings: {} } });
  const speaker = await prisma().entity.create({ data: { projectId: project.id, name: "Sergey Lavrov", type: "PERSON" } });

  console.log(`bench:export — ${documents} documents × ${perDoc} sentences, ${annotationsPerDoc} gold annotations each (scale ${scale})`);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const genStarted = performance.now();
  await copyIn(
    client,
    `COPY documents (id, project_id, title, text, text_sha256, normalized_hash, char_count, sentence_count, language, tags, state, signed_off_at, signed_off_by_id) FROM STDIN`,
    (function* () {
      for (const d of generate(documents, perDoc))
        yield `${d.id}\t${project.id}\tBench ${d.id}\t${esc(d.text)}\t-\t${d.id}\t${Array.from(d.text).length}\t${perDoc}\tru\t{bench}\tSIGNED_OFF\t2025-01-01 00:00:00\t${user.id}\n`;
    })(),
  );
  await copyIn(
    client,
    `COPY sentences (document_id, index, start, "end", kind) FROM STDIN`,
    (function* () {
      for (const d of generate(documents, perDoc)) yield d.sentences.map((s, i) => `${d.id}\t${i}\t${s.start}\t${s.end}\tCONTENT\n`).join("");
    })(),
  );
  await copyIn(
    client,
    `COPY annotations (id, document_id, layer, author_id, type, start, "end", sentence_index, attributes, speaker_id, updated_at) FROM STDIN`,
    (function* () {
      for (const d of generate(documents, perDoc)) {
        const rows: string[] = [];
        for (let k = 0; k < annotationsPerDoc; k++) {
          const s = d.sentences[(k * 5) % perDoc]!;
          const type = TYPES[k % 3]!;
          const attributes =
            type === "QUOTE"
              ? { form: "direct", stance: [{ target: "Ukraine", value: (k % 5) - 2 }], cue: { start: s.start, end: s.start + 3 } }
              : type === "CLAIM"
                ? { checkworthy: k % 2 ? "yes" : "no", stance: [{ target: "Russia–China partnership", value: 1 }] }
                : { kind: "translation-note" };
          rows.push(`${d.id}-a${k}\t${d.id}\tGOLD\t${user.id}\t${type}\t${s.start}\t${s.end}\t\\N\t${esc(JSON.stringify(attributes))}\t${type === "QUOTE" ? speaker.id : "\\N"}\tnow\n`);
        }
        yield rows.join("");
      }
    })(),
  );
  await client.query("ANALYZE documents; ANALYZE sentences; ANALYZE annotations");
  const genSeconds = (performance.now() - genStarted) / 1000;
  console.log(`generated with COPY in ${genSeconds.toFixed(1)} s`);

  const version = await prisma().datasetVersion.create({
    data: { projectId: project.id, number: 1, createdById: user.id, split: { train: 0.8, validation: 0.1, test: 0.1, seed: "bench" } },
  });
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  let atPeak = process.memoryUsage();
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > peak) [peak, atPeak] = [m.rss, m];
  }, 50);
  const started = performance.now();
  await buildVersionFiles(version.id, {
    writers: [createNativeJsonlWriter(), createSentencesCsvWriter(), createSpansCsvWriter()],
    onProgress: async (done) => {
      if (done % 2000 === 0) console.log(`  … ${done} documents`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const files = await prisma().datasetFile.findMany({ where: { datasetVersionId: version.id }, select: { id: true, name: true, bytes: true } });
  const outBytes = files.filter((f) => f.name !== ".fingerprints.tsv" && f.name !== "manifest.json").reduce((n, f) => n + Number(f.bytes), 0);

  // Streaming a stored file back (what a download does): time to first byte and to the end.
  const native = files.find((f) => f.name === "native.jsonl")!;
  const dlStarted = performance.now();
  let firstByte = 0;
  let dlBytes = 0;
  for await (const chunk of readFileChunks(native.id)) {
    if (firstByte === 0) firstByte = performance.now() - dlStarted;
    dlBytes += chunk.length;
  }
  const dlSeconds = (performance.now() - dlStarted) / 1000;

  const rowsWhere = `project_id = '${project.id}'`;
  const copies = [
    await copyOut(client, `SELECT id, title, text, language, source, original_source, author, url, published_at, meta, tags, signed_off_at, signed_off_by_id FROM documents WHERE ${rowsWhere} ORDER BY id`),
    await copyOut(client, `SELECT s.document_id, s.index, s.start, s."end", s.kind FROM sentences s JOIN documents d ON d.id = s.document_id WHERE d.${rowsWhere} ORDER BY s.document_id, s.index`),
    await copyOut(client, `SELECT a.id, a.document_id, a.layer, a.author_id, a.type, a.start, a."end", a.sentence_index, a.attributes, e.name, e.type FROM annotations a JOIN documents d ON d.id = a.document_id LEFT JOIN entities e ON e.id = a.speaker_id WHERE d.${rowsWhere} ORDER BY a.document_id, a.id`),
  ];
  const copySeconds = copies.reduce((n, c) => n + c.seconds, 0);
  const copyBytes = copies.reduce((n, c) => n + c.bytes, 0);
  await client.end();

  console.log("");
  console.log(`documents / sentences / annotations   ${documents} / ${documents * perDoc} / ${documents * annotationsPerDoc}`);
  console.log(`export (native JSONL + sentences CSV + spans CSV, stored as chunks)`);
  console.log(`  time                  ${seconds.toFixed(2)} s`);
  console.log(`  output                ${mb(outBytes)} (${files.length} files incl. manifest and fingerprints)`);
  console.log(`  throughput            ${(outBytes / 1024 / 1024 / seconds).toFixed(1)} MB/s, ${(documents / seconds).toFixed(0)} documents/s`);
  console.log(`  peak RSS during export ${mb(peak)} (${mb(rssBefore)} before it started; process peak ${mb(peakRss())})`);
  console.log(`  at the peak: JS heap ${mb(atPeak.heapUsed)} of ${mb(atPeak.heapTotal)}, buffers ${mb(atPeak.arrayBuffers)}`);
  console.log(`download native.jsonl   first byte ${firstByte.toFixed(1)} ms, ${mb(dlBytes)} in ${dlSeconds.toFixed(2)} s`);
  console.log(`raw COPY (SELECT …) TO STDOUT of the same rows  ${copySeconds.toFixed(2)} s (${mb(copyBytes)})`);
  console.log(`ratio ours/COPY         ${(seconds / copySeconds).toFixed(1)}×`);
  await prisma().$disconnect();
  await closePgPools();
  await db.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
