import { csvChunks, csvFiles, type CsvCell } from "@/lib/export/csv";
import { fragmentsOf } from "@/lib/spans/span-gaps";
import { canonicalJson } from "@/lib/export/json";
import { speakersOf } from "@/lib/export/speakers";
import { stanceCells, stanceHeaders, stanceJson } from "@/lib/export/stance-columns";
import type { FormatWriter } from "@/lib/export/types";
import { defineWriter } from "@/lib/export/writer";

export const SPANS_CSV_FILE = "spans.csv";

/**
 * `spans.csv` (+ its spreadsheet copy, see csv.ts): one row per span of every exported layer;
 * `sentence_indices` joined by ";". `fragments` (JSON list of {start, end, text}) is set only for
 * a discontinuous span, whose `text` then runs over its gaps; `speakers` lists every speaker of a
 * joint statement as JSON ({id, name, type}), the `speaker_*` columns being the first.
 */
export function createSpansCsvWriter(): FormatWriter {
  let targets: string[] = [];
  let header: string[] = [];
  return defineWriter("spans-csv", {
    begin(ctx) {
      targets = [...ctx.stanceTargets];
      header = [
        "document_id", "span_id", "layer", "type", "start", "end", "text", "fragments", "sentence_indices",
        "speaker_id", "speaker_name", "speaker_type", "speakers", "cue_start", "cue_end", "cue_text",
        "speaker_mention_start", "speaker_mention_end", "speaker_mention_text", "attributes", "stance",
        ...stanceHeaders(targets),
      ];
      return csvFiles(SPANS_CSV_FILE, header);
    },
    document(p) {
      const rows = p.spans.map((s): CsvCell[] => [
        p.doc.id,
        s.id,
        s.layer,
        s.type,
        s.start,
        s.end,
        p.slice(s.start, s.end),
        s.gaps ? JSON.stringify(fragmentsOf(s.start, s.end, s.gaps).map((f) => ({ start: f.start, end: f.end, text: p.slice(f.start, f.end) }))) : null,
        p.coveredSentences(s.start, s.end).map((x) => x.index).join(";"),
        s.speaker?.id ?? null,
        s.speaker?.name ?? null,
        s.speaker?.type ?? null,
        JSON.stringify(speakersOf(s).map((x) => ({ id: x.id, name: x.name, type: x.type }))),
        s.cue?.start ?? null,
        s.cue?.end ?? null,
        s.cue ? p.slice(s.cue.start, s.cue.end) : null,
        s.speakerMention?.start ?? null,
        s.speakerMention?.end ?? null,
        s.speakerMention ? p.slice(s.speakerMention.start, s.speakerMention.end) : null,
        JSON.stringify(canonicalJson(s.attributes, `span ${s.id} attributes`)),
        stanceJson(s.stance),
        ...stanceCells(targets, s.stance),
      ]);
      return csvChunks(SPANS_CSV_FILE, header, rows);
    },
    end: () => [],
  });
}
