import { fileStem } from "@/lib/export/filename";
import { jsonFile, type JsonValue } from "@/lib/export/json";
import type { PreparedDocument } from "@/lib/export/prepare";
import { fragmentsOf } from "@/lib/spans/span-gaps";
import { speakersOf } from "@/lib/export/speakers";
import type { FormatWriter, Offsets } from "@/lib/export/types";
import { defineWriter } from "@/lib/export/writer";

/**
 * `attribution/{stem}.json`: PARC/Citron-style triples for every gold QUOTE: the cue, the
 * sources (speaker-mention spans, zero or one), the contents (the quote span) and the resolved
 * speaker entity, one row per speaker. A discontinuous quote has one `contents` piece per
 * fragment (its gaps left out) and its `fragments` as offsets. Every document gets a file, with an empty list when it has no quotes.
 */
export function createAttributionWriter(): FormatWriter {
  const piece = (p: PreparedDocument, o: Offsets): JsonValue => ({ start: o.start, end: o.end, text: p.slice(o.start, o.end) });
  return defineWriter("attribution", {
    begin: () => [],
    document(p) {
      // One triple per (quote, speaker): a joint statement by two leaders gives two rows with the
      // same id and `speaker_index` 0, 1; a quote without a speaker gives one row with null.
      const attributions = p.goldSpans
        .filter((s) => s.type === "QUOTE")
        .flatMap((s) => {
          const speakers = speakersOf(s);
          return (speakers.length > 0 ? speakers : [null]).map((speaker, i) => ({
            id: s.id,
            speaker_index: i,
            cue: s.cue ? piece(p, s.cue) : null,
            sources: s.speakerMention ? [piece(p, s.speakerMention)] : [],
            contents: fragmentsOf(s.start, s.end, s.gaps).map((f) => piece(p, f)),
            ...(s.gaps ? { fragments: fragmentsOf(s.start, s.end, s.gaps).map((f) => ({ start: f.start, end: f.end })) } : {}),
            speaker: speaker ? { id: speaker.id, name: speaker.name, type: speaker.type } : null,
            form: typeof s.attributes.form === "string" ? s.attributes.form : null,
            stance: s.stance.map((x) => ({ target: x.target, value: x.value, holder: x.holder })),
          }));
        });
      const body = { document_id: p.doc.id, text_sha256: p.textSha256, offset_unit: "codepoint", attributions };
      return [{ path: `attribution/${fileStem(p.doc.id)}.json`, data: jsonFile(body) }];
    },
    end: () => [],
  });
}
