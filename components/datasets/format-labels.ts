import type { ExportFormat } from "@/lib/validation/datasets";

/** What each export format is called on the page. */
export const FORMAT_LABELS: Record<ExportFormat, string> = {
  "native-jsonl": "Native JSONL (lossless, re-importable)",
  "spans-jsonl": "Span JSONL",
  "sentences-csv": "Sentence CSV",
  "spans-csv": "Span CSV",
  brat: "brat standoff",
  attribution: "Attribution triples",
  "stance-tsv": "SemEval-2016 stance TSV",
  "checkworthy-tsv": "CheckThat! check-worthiness TSV",
  semeval2020: "SemEval-2020 Task 11 spans",
  huggingface: "Hugging Face dataset folder",
  "label-studio": "Label Studio JSON",
};
