import { fragmentsOf } from "@/lib/spans/span-gaps";
import { canonicalJson, type JsonValue } from "@/lib/export/json";
import { addChoice, LABEL_STUDIO_CONFIG_FILE, labelStudioConfig, modelFromSchema, modelType, type ConfigModel } from "./config";
import {
  attributeControl, fragmentRegionId, LS_FRAGMENT, LS_PART_CONTROL, LS_PARTS, LS_SENTENCE_CONTROL, LS_SENTENCE_LABEL, LS_SPAN_CONTROL, partRegionId, sentenceRegionId, stanceControl,
  stanceHolderControl, LS_CO_SPEAKERS,
} from "./names";
import { compareStrings, type PreparedDocument } from "@/lib/export/prepare";
import { documentRelations } from "@/lib/export/relations";
import type { ExportSpan, FormatWriter, Offsets, Stance } from "@/lib/export/types";
import { defineWriter } from "@/lib/export/writer";

export { LABEL_STUDIO_CONFIG_FILE } from "./config";

export const LABEL_STUDIO_FILE = "label-studio.json";

/*
 * Offsets: Label Studio (frontend since PR heartexlabs/label-studio-frontend#308, 2022) stores
 * Text region offsets in code points, matching Python; older versions used JS UTF-16 units,
 * which broke after emoji. We write code points. The reader accepts code points, and falls
 * back to UTF-16 units only when the region's own `text` proves that reading is the right one.
 */

type Result = { [key: string]: JsonValue };

function region(p: PreparedDocument, id: string, control: string, o: Offsets, label: string): Result {
  return { id, from_name: control, to_name: "text", type: "labels", value: { start: o.start, end: o.end, text: p.slice(o.start, o.end), labels: [label] } };
}

/** A per-region result: the same id as its region, as Label Studio links them. */
function perRegion(id: string, control: string, o: Offsets, type: "choices" | "textarea", value: string): Result {
  const body: Result = type === "choices" ? { choices: [value] } : { text: [value] };
  return { id, from_name: control, to_name: "text", type, value: { start: o.start, end: o.end, ...body } };
}

function stanceResults(id: string, o: Offsets, stance: Stance[], m: ConfigModel): Result[] {
  return stance.flatMap((st) => {
    m.targets.add(st.target);
    return [perRegion(id, stanceControl(st.target), o, "choices", String(st.value)), perRegion(id, stanceHolderControl(st.target), o, "choices", st.holder)];
  });
}

/** Choice values (strings) as Choices, anything else as JSON in a TextArea; keys sorted. */
function attributeResults(id: string, owner: string, o: Offsets, attributes: Record<string, unknown>, choices: Map<string, Set<string>>, others: Set<string>): Result[] {
  return Object.keys(attributes)
    .sort(compareStrings)
    .map((name) => {
      const value = attributes[name];
      if (typeof value === "string") {
        addChoice(choices, name, value);
        return perRegion(id, attributeControl(owner, name), o, "choices", value);
      }
      others.add(name);
      return perRegion(id, attributeControl(owner, name), o, "textarea", JSON.stringify(canonicalJson(value, `span ${id} ${name}`)));
    });
}

/** A discontinuous span's further fragments: own regions, linked from its first by `fragment` relations. */
function fragmentResults(p: PreparedDocument, s: ExportSpan): Result[] {
  return fragmentsOf(s.start, s.end, s.gaps)
    .slice(1)
    .flatMap((f, i) => {
      const id = fragmentRegionId(s.id, i + 1);
      return [region(p, id, LS_SPAN_CONTROL, f, s.type), { from_id: s.id, to_id: id, type: "relation", direction: "right", labels: [LS_FRAGMENT] }];
    });
}

function spanResults(p: PreparedDocument, s: ExportSpan, m: ConfigModel): Result[] {
  const t = modelType(m, s.type);
  // The span's own region covers its first fragment (all of it when contiguous).
  const first = fragmentsOf(s.start, s.end, s.gaps)[0]!;
  const out: Result[] = [
    region(p, s.id, LS_SPAN_CONTROL, first, s.type),
    ...fragmentResults(p, s),
    ...attributeResults(s.id, s.type, first, s.attributes, t.choices, t.others),
    ...stanceResults(s.id, first, s.stance, m),
  ];
  if (s.speaker) {
    t.speaker = true;
    out.push(perRegion(s.id, attributeControl(s.type, "speaker"), first, "textarea", s.speaker.name));
    out.push(perRegion(s.id, attributeControl(s.type, "speaker_type"), first, "choices", s.speaker.type));
    // Further speakers of a joint statement: names and types as JSON, so order and pairing hold.
    const more = s.coSpeakers ?? [];
    if (more.length > 0) out.push(perRegion(s.id, attributeControl(s.type, LS_CO_SPEAKERS), first, "textarea", JSON.stringify(more.map((c) => ({ name: c.name, type: c.type })))));
  }
  const parts: Record<(typeof LS_PARTS)[number], Offsets | null> = { cue: s.cue, speakerMention: s.speakerMention };
  for (const part of LS_PARTS) {
    const o = parts[part];
    if (!o) continue;
    const id = partRegionId(s.id, part);
    out.push(region(p, id, LS_PART_CONTROL, o, part), { from_id: s.id, to_id: id, type: "relation", direction: "right", labels: [part] });
  }
  return out;
}

/** Relations between two span regions of one layer, labelled with their type (Arg1 = from). */
function relationResults(p: PreparedDocument, layer: string, m: ConfigModel): Result[] {
  return documentRelations(p)
    .filter((r) => r.layer === layer)
    .map((r) => {
      m.relationTypes.add(r.type);
      return { from_id: r.fromId, to_id: r.toId, type: "relation", direction: "right", labels: [r.type] };
    });
}

function sentenceResults(p: PreparedDocument, m: ConfigModel): Result[] {
  return p.sentences.flatMap((s) => {
    if (!s.labels) return [];
    const id = sentenceRegionId(p.doc.id, s.index);
    const attributes: Record<string, unknown> = { ...s.labels.choices, ...(s.labels.checkworthy ? { checkworthy: s.labels.checkworthy } : {}) };
    return [
      region(p, id, LS_SENTENCE_CONTROL, s, LS_SENTENCE_LABEL),
      ...attributeResults(id, LS_SENTENCE_CONTROL, s, attributes, m.sentence.choices, m.sentence.others),
      ...stanceResults(id, s, s.labels.stance ?? [], m),
    ];
  });
}

/**
 * `label-studio.json`: an array of tasks, one per line; one annotation per exported layer
 * (gold first, marked ground_truth, with the sentence labels), `stancebench_layer` naming it.
 * Each span is a `labels` region with its attributes, stance and speaker as per-region results
 * and its cue / speaker mention as `part` regions joined by relations (names in
 * names.ts). Relations between spans are `relation` results labelled with their
 * type. `label-studio.xml` is the matching labelling config.
 */
export function createLabelStudioWriter(): FormatWriter {
  let n = 0;
  let model: ConfigModel | null = null;
  return defineWriter("label-studio", {
    begin(ctx) {
      model = modelFromSchema(ctx.schema, ctx.stanceTargets);
      return [{ path: LABEL_STUDIO_FILE, data: "[" }];
    },
    document(p) {
      const m = model!;
      const layers = [...new Set(p.spans.map((s) => s.layer))];
      if (p.sentences.some((s) => s.labels) && !layers.includes("gold")) layers.push("gold");
      layers.sort((a, b) => (a === "gold" ? -1 : b === "gold" ? 1 : compareStrings(a, b)));
      const task = {
        id: ++n,
        data: { text: p.doc.text, title: p.doc.title, doc_id: p.doc.id },
        annotations: layers.map((layer) => ({
          ground_truth: layer === "gold",
          stancebench_layer: layer,
          result: [
            ...p.spans.filter((s) => s.layer === layer).flatMap((s) => spanResults(p, s, m)),
            ...(layer === "gold" ? sentenceResults(p, m) : []),
            ...relationResults(p, layer, m),
          ],
        })),
      };
      return [{ path: LABEL_STUDIO_FILE, data: (n > 1 ? ",\n" : "\n") + JSON.stringify(task) }];
    },
    end: () => [
      { path: LABEL_STUDIO_FILE, data: "\n]\n" },
      { path: LABEL_STUDIO_CONFIG_FILE, data: labelStudioConfig(model!) },
    ],
  });
}
