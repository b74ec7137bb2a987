import { jsonLine, type JsonValue } from "@/lib/export/json";
import { nativeRecord } from "@/lib/formats/native/jsonl";
import { compareStrings } from "@/lib/export/prepare";
import { ExportError, type AgreementFigure, type ExportContext, type ExportSummary, type FormatWriter, type Split } from "@/lib/export/types";
import { defineWriter } from "@/lib/export/writer";

export const HF_README_FILE = "hf/README.md";
const SPLITS: Split[] = ["train", "validation", "test"];

/**
 * Row of `hf/data/{split}.jsonl`: the native record, except that the free-form `meta` and span
 * `attributes` are JSON strings. Arrow infers one schema per column, and objects whose keys
 * differ from row to row would otherwise fail or explode into sparse struct columns.
 */
function hfRow(record: { [key: string]: JsonValue }): { [key: string]: JsonValue } {
  const spans = Array.isArray(record.spans) ? record.spans : [];
  return {
    ...record,
    meta: JSON.stringify(record.meta),
    spans: spans.map((s) => (s && typeof s === "object" && !Array.isArray(s) ? { ...s, attributes: JSON.stringify(s.attributes) } : s)),
  };
}

type Tally = Map<string, Record<Split, number>>;
function bump(t: Tally, key: string, split: Split, by = 1): void {
  const row = t.get(key) ?? { train: 0, validation: 0, test: 0 };
  row[split] += by;
  t.set(key, row);
}

// Table cells: a pipe would end the cell and a newline the row.
function md(value: string): string {
  return value.replace(/\|/gu, "\\|").replace(/\r\n|[\r\n]/gu, " ");
}

function yamlList(key: string, values: string[]): string[] {
  return values.length === 0 ? [`${key}: []`] : [`${key}:`, ...values.map((v) => `- ${JSON.stringify(v)}`)];
}

/**
 * Hugging Face `datasets` layout: `hf/data/{train,validation,test}.jsonl` plus a dataset card
 * `hf/README.md` whose YAML front matter (JSON-quoted scalars, valid YAML) declares the
 * splits that actually have documents. Only spans of the gold layer are counted in the card's
 * label table; the rows carry every exported layer.
 */
export function createHuggingFaceWriter(): FormatWriter {
  const sizes: Tally = new Map();
  const labels: Tally = new Map();
  const languages = new Set<string>();
  return defineWriter("huggingface", {
    begin: () => [],
    document(p) {
      const split = p.doc.split;
      if (p.doc.language && p.doc.language !== "und") languages.add(p.doc.language);
      bump(sizes, "documents", split);
      bump(sizes, "sentences", split, p.sentences.length);
      bump(sizes, "spans (gold)", split, p.goldSpans.length);
      for (const s of p.goldSpans) {
        bump(labels, `span type\t${s.type}`, split);
        for (const st of s.stance) bump(labels, `span stance: ${st.target}\t${st.value}`, split);
      }
      for (const s of p.sentences) {
        if (s.labels?.checkworthy) bump(labels, `checkworthy\t${s.labels.checkworthy}`, split);
        for (const st of s.labels?.stance ?? []) bump(labels, `sentence stance: ${st.target}\t${st.value}`, split);
      }
      return [{ path: `hf/data/${split}.jsonl`, data: jsonLine(hfRow(nativeRecord(p))) }];
    },
    end: (ctx, summary) => [{ path: HF_README_FILE, data: datasetCard(ctx, summary, sizes, labels, [...languages].sort(compareStrings)) }],
  });
}

function datasetCard(ctx: ExportContext, summary: ExportSummary, sizes: Tally, labels: Tally, languages: string[]): string {
  const present = SPLITS.filter((s) => (sizes.get("documents")?.[s] ?? 0) > 0);
  // The Hub's licence identifiers are lower case (`cc-by-4.0`); "CC-BY-4.0" is not recognised.
  const license = (ctx.license ?? "unknown").trim().toLowerCase();
  const front = [
    "---",
    `license: ${JSON.stringify(license)}`,
    ...yamlList("language", languages),
    `pretty_name: ${JSON.stringify(ctx.projectName)}`,
    "task_categories:",
    "- text-classification",
    "- token-classification",
    "configs:",
    "- config_name: default",
    "  data_files:",
    ...present.flatMap((s) => [`  - split: ${s}`, `    path: data/${s}.jsonl`]),
    "---",
  ];
  const splitRows = [...sizes.entries()].map(([k, v]) => `| ${k} | ${v.train} | ${v.validation} | ${v.test} |`);
  const labelRows = [...labels.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([k, v]) => {
      const [label = "", value = ""] = k.split("\t");
      return `| ${md(label)} | ${md(value)} | ${v.train} | ${v.validation} | ${v.test} |`;
    });
  const body = [
    "",
    `# ${md(ctx.projectName)}`,
    "",
    `Dataset version ${ctx.datasetVersion}, exported ${ctx.createdAt} from Stancebench.`,
    "",
    `- Source: ${md(ctx.sourceDescription ?? "not stated")}`,
    `- License: ${md(license)}`,
    "",
    "## Splits",
    "",
    "| | train | validation | test |",
    "|---|---:|---:|---:|",
    ...splitRows,
    "",
    "## Schema",
    "",
    "Each line of `data/<split>.jsonl` is one news article:",
    "",
    "- `id`, `title`, `language`, `source`, `original_source`, `author`, `url`, `published_at`, `tags`, `split`",
    "- `meta`: JSON-encoded object of further metadata",
    "- `text`: the original text exactly as imported; `text_sha256` its SHA-256",
    "- `offset_unit`: always `codepoint`: every `start`/`end` counts Unicode code points (Python `str` indices), end-exclusive",
    "- `sentences`: `index`, `start`, `end`, `kind` (content/boilerplate), `labels` (`checkworthy` yes/no, `stance` list of `{target, value, holder}`) or null",
    "- `spans`: `id`, `layer` (gold or annotator:<id>), `type` (CLAIM/QUOTE/EDITORIAL), `start`, `end`, `text`, `attributes` (JSON-encoded),",
    "  `stance` (list of `{target, value, holder}`, value -2 strongly against … +2 strongly for, holder source/author/republisher: whose stance), `speaker` entity, `cue` and `speaker_mention` spans",
    "- `relations`: typed, directed links between two spans of one layer: `id`, `layer`, `type` (e.g. embedded-in, same-claim, responds-to), `from_id`, `to_id` (span ids)",
    "- `provenance`: annotators, reviewer, sign-off time, schema version",
    "",
    "## Label distribution",
    "",
    "Gold spans and sentence labels; stance values from -2 to +2.",
    "",
    "| Label | Value | train | validation | test |",
    "|---|---|---:|---:|---:|",
    ...labelRows,
    "",
    "## Agreement",
    "",
    ...agreementTable(summary.agreement),
  ];
  return [...front, ...body].join("\n") + "\n";
}

function agreementTable(figures: AgreementFigure[]): string[] {
  if (figures.length === 0) return ["No agreement figures were supplied for this version."];
  const rows = figures.map((f) => {
    if (!Number.isFinite(f.value) || !Number.isSafeInteger(f.items) || f.items < 0)
      throw new ExportError(`agreement figure ${JSON.stringify(f.task)}: value must be finite and items a non-negative integer`);
    return `| ${md(f.task)} | ${md(f.metric)} | ${f.value.toFixed(3)} | ${f.items} |`;
  });
  return ["| Task | Metric | Value | Items |", "|---|---|---:|---:|", ...rows];
}
