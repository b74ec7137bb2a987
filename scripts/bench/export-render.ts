// The render loop of a dataset build alone, in-process and without a database: the same steps
// per document as lib/datasets/build-version.ts (rows → document → every writer → fingerprints →
// file store) on 300 generated documents. Prints wall and CPU time per run and a digest of every
// file's size and SHA-256, so a change to the writers can be timed and shown byte-identical.
// Usage: tsx --conditions=react-server scripts/bench/export-render.ts [formats,comma,separated] [runs]
import { createHash } from "node:crypto";
import { createWriters } from "@/lib/export/all-formats";
import { prepareDocument } from "@/lib/export/prepare";
import { assignSplit } from "@/lib/export/split";
import type { ExportContext } from "@/lib/export/types";
import { defaultLabelSchema } from "@/lib/schema/label-schema";
import { fingerprintLines, INTERNAL_FORMAT, FINGERPRINT_FILE, DiffTracker } from "@/lib/datasets/diff";
import { DatasetFileStore } from "@/lib/datasets/file-store";
import { toExportRelations } from "@/lib/relations/export-relations";
import { toExportDocument, type AnnotationRow, type DocumentRow, type SentenceRows } from "@/lib/datasets/to-export";
import { seededRandom } from "./bench-db";
import { SENTENCES as SEED_SENTENCES, TYPES } from "./export-seed";

// The seed's sentences, plus one with a quote and a line break inside (CSV quoting).
const SENTENCES = [...SEED_SENTENCES, "He said \"no, never\",\nthen left."];
const LENGTHS = SENTENCES.map((s) => Array.from(s).length);
const random = seededRandom(7);
type Gen = { row: DocumentRow; sentences: SentenceRows; annotations: AnnotationRow[] };
function generate(documents: number, perDoc: number, perAnn: number): Gen[] {
  const out: Gen[] = [];
  for (let d = 0; d < documents; d++) {
    const parts: string[] = [];
    const sentences: SentenceRows = { index: [], start: [], end: [], kind: [] };
    let at = 0;
    for (let s = 0; s < perDoc; s++) {
      const k = Math.floor(random() * SENTENCES.length);
      if (s > 0) { const sep = s % 5 === 0 ? "\r\n" : " "; parts.push(sep); at += sep.length; }
      parts.push(SENTENCES[k]!);
      sentences.index.push(s); sentences.start.push(at); sentences.end.push(at + LENGTHS[k]!); sentences.kind.push(s % 17 === 3 ? "BOILERPLATE" : "CONTENT");
      at += LENGTHS[k]!;
    }
    const id = `doc${String(d).padStart(7, "0")}`;
    const annotations: AnnotationRow[] = [];
    for (let k = 0; k < perAnn; k++) {
      const si = (k * 5) % perDoc;
      const type = TYPES[k % 3]!;
      const st = sentences.start[si]!, en = sentences.end[si]!;
      const attributes = type === "QUOTE"
        ? { form: "direct", stance: [{ target: "Ukraine", value: (k % 5) - 2 }], cue: { start: st, end: st + 3 } }
        : type === "CLAIM" ? { checkworthy: k % 2 ? "yes" : "no", stance: [{ target: "Russia–China partnership", value: 1 }] } : { kind: "translation-note" };
      annotations.push({ id: `${id}-a${k}`, document_id: id, layer: k % 7 === 6 ? "ANNOTATOR" : "GOLD", author_id: "u1", type, start: st, end: en, sentence_index: null, attributes, speaker_id: type === "QUOTE" ? "sp1" : null, speaker_name: type === "QUOTE" ? "Sergey, \"Lavrov\"" : null, speaker_type: "PERSON", gaps: k % 11 === 4 ? [{ start: st + 2, end: st + 4 }] : null });
    }
    // sentence-level gold labels
    annotations.push({ id: `${id}-s1`, document_id: id, layer: "GOLD", author_id: "u1", type: "SENTENCE", start: null, end: null, sentence_index: 1, attributes: { checkworthy: "yes", stance: [{ target: "Ukraine", value: -1 }] }, speaker_id: null, speaker_name: null, speaker_type: null });
    out.push({ row: { id, title: `Bench, "${id}"`, text: parts.join(""), language: "ru", source: "=src", original_source: null, author: null, url: null, published_at: new Date(0), meta: { b: 1, a: [1, 2] }, tags: ["bench"], signed_off_at: new Date(1000), signed_off_by_id: "u1" }, sentences, annotations });
  }
  return out;
}

const formats = (process.argv[2] ?? "native-jsonl,sentences-csv,spans-csv").split(",") as never[];
const runs = Number(process.argv[3] ?? 5);
const docs = generate(300, 100, 15);
const schema = defaultLabelSchema(["Ukraine", "Russia–China partnership"]);
const ctx: ExportContext = { projectName: "P", datasetVersion: 2, createdAt: "2026-01-01T00:00:00.000Z", schema, license: null, sourceDescription: null, stanceTargets: ["Ukraine", "Russia–China partnership"] };
const times: number[] = []; const cpus: number[] = [];
let digest = "";
for (let r = 0; r < runs; r++) {
  const t0 = performance.now(); const c0 = process.cpuUsage();
  const writers = createWriters(formats);
  const store = new DatasetFileStore("v", async () => { throw new Error("no db"); });
  const diff = new DiffTracker(new Map(), 1);
  for (const w of writers) store.add(w.format, w.begin(ctx));
  for (const g of docs) {
    const doc = toExportDocument(g.row, g.sentences, g.annotations, { split: assignSplit(g.row.id, "s", { train: 0.8, validation: 0.1, test: 0.1 }), includeAnnotatorLayers: true, spanTypes: null, annotators: ["u1"], schemaVersion: 1 });
    doc.relations = toExportRelations(doc.spans, []);
    for (const w of writers) store.add(w.format, w.document(doc));
    const fp = fingerprintLines(prepareDocument(doc));
    store.add(INTERNAL_FORMAT, [{ path: FINGERPRINT_FILE, data: fp }]);
    diff.add(fp);
  }
  for (const w of writers) store.add(w.format, w.end({ agreement: [] }));
  const files = store.close();
  times.push(performance.now() - t0); const c = process.cpuUsage(c0); cpus.push((c.user + c.system) / 1000);
  digest = createHash("sha256").update(files.map((f) => `${f.name} ${f.bytes} ${f.sha256}`).join("\n")).digest("hex");
  if (r === 0) console.log(files.map((f) => `${f.name} ${f.bytes} ${f.sha256.slice(0, 16)}`).join("\n"));
}
times.sort((a, b) => a - b);
console.log("runs ms", times.map((t) => t.toFixed(0)).join(" "), "median", times[Math.floor(times.length / 2)]!.toFixed(0));
cpus.sort((a, b) => a - b); console.log("cpu ms", cpus.map((t) => t.toFixed(0)).join(" "), "median", cpus[Math.floor(cpus.length / 2)]!.toFixed(0)); console.log("digest", digest);
