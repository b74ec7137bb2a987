import { createAttributionWriter } from "./attribution";
import { createBratWriter } from "./brat";
import { createCheckworthyTsvWriter } from "./checkworthy-tsv";
import { createHuggingFaceWriter } from "./huggingface";
import { createLabelStudioWriter } from "./label-studio";
import { createNativeJsonlWriter } from "./native";
import { createSemeval2020Writer } from "./semeval2020";
import { createSentencesCsvWriter } from "./sentences-csv";
import { createSpansCsvWriter } from "./spans-csv";
import { createSpansJsonlWriter } from "./spans-jsonl";
import { createStanceTsvWriter } from "./stance-tsv";
import type { FormatWriter } from "./types";

/** One fresh writer per format; file paths never overlap, so all can share one pass over the documents. */
export function createAllWriters(): FormatWriter[] {
  return [
    createNativeJsonlWriter(),
    createSpansJsonlWriter(),
    createSentencesCsvWriter(),
    createSpansCsvWriter(),
    createBratWriter(),
    createAttributionWriter(),
    createStanceTsvWriter(),
    createCheckworthyTsvWriter(),
    createSemeval2020Writer(),
    createHuggingFaceWriter(),
    createLabelStudioWriter(),
  ];
}
