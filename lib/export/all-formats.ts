import { EXPORT_FORMATS, type ExportFormat } from "@/lib/validation/datasets";
import { createAttributionWriter } from "@/lib/formats/attribution/writer";
import { createBratWriter } from "@/lib/formats/brat/writer";
import { createCheckworthyTsvWriter } from "@/lib/formats/checkworthy-tsv/writer";
import { createHuggingFaceWriter } from "@/lib/formats/huggingface/writer";
import { createLabelStudioWriter } from "@/lib/formats/label-studio/writer";
import { createNativeJsonlWriter } from "@/lib/formats/native/jsonl";
import { createSemeval2020Writer } from "@/lib/formats/semeval2020/writer";
import { createSentencesCsvWriter } from "@/lib/formats/sentences-csv/writer";
import { createSpansCsvWriter } from "@/lib/formats/spans-csv/writer";
import { createSpansJsonlWriter } from "@/lib/formats/spans-jsonl/writer";
import { createStanceTsvWriter } from "@/lib/formats/stance-tsv/writer";
import type { FormatWriter } from "./types";

const FACTORIES: Record<ExportFormat, () => FormatWriter> = {
  "native-jsonl": createNativeJsonlWriter,
  "spans-jsonl": createSpansJsonlWriter,
  "sentences-csv": createSentencesCsvWriter,
  "spans-csv": createSpansCsvWriter,
  brat: createBratWriter,
  attribution: createAttributionWriter,
  "stance-tsv": createStanceTsvWriter,
  "checkworthy-tsv": createCheckworthyTsvWriter,
  semeval2020: createSemeval2020Writer,
  huggingface: createHuggingFaceWriter,
  "label-studio": createLabelStudioWriter,
};

/** One fresh writer per chosen format; file paths never overlap, so all can share one pass over the documents. */
export function createWriters(formats: readonly ExportFormat[]): FormatWriter[] {
  return EXPORT_FORMATS.filter((f) => formats.includes(f)).map((f) => FACTORIES[f]());
}

/** Every format (tests, and versions made before formats could be chosen). */
export function createAllWriters(): FormatWriter[] {
  return createWriters(EXPORT_FORMATS);
}
