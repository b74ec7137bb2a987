import { checkGaps, spanOfFragments } from "@/lib/spans/span-gaps";
import { isStanceHolder, STANCE_HOLDERS, withDefaultHolders } from "@/lib/stance/stance-holder";
import { attributeControl, LS_CO_SPEAKERS, LS_FRAGMENT, LS_PART_CONTROL, LS_PARTS, LS_SENTENCE_CONTROL, LS_SENTENCE_LABEL, LS_STANCE_HOLDER_PREFIX, LS_STANCE_PREFIX } from "./names";
import { compareStrings } from "@/lib/export/prepare";
import { ExportError, type Offsets, type Stance } from "@/lib/export/types";

/**
 * A region with what was said about it. `attributes` holds the per-region results by
 * attribute name: a Choices answer as its string, a TextArea as parsed JSON when it is JSON,
 * else as its text. Nothing is checked against a schema here; the importer does that.
 */
export type ImportedSpan = {
  id: string;
  type: string;
  start: number;
  end: number;
  /** A discontinuous span's gaps (its fragment regions joined back); absent when contiguous. */
  gaps?: Offsets[];
  text: string;
  attributes: Record<string, unknown>;
  stance: Stance[];
  speaker: { name: string; type: string | null } | null;
  /** Further speakers of a joint statement, in order. */
  coSpeakers: { name: string; type: string | null }[];
  parts: Partial<Record<(typeof LS_PARTS)[number], Offsets>>;
};
/** A typed link between two spans of one annotation (`fromId`/`toId` are ImportedSpan ids). */
export type ImportedRelation = { type: string; fromId: string; toId: string };
export type ImportedSentence = { id: string; start: number; end: number; attributes: Record<string, unknown>; stance: Stance[] };
export type ImportedAnnotation = {
  id: string | null;
  groundTruth: boolean;
  /** Who made it, when the file says: `completed_by.email` or the email in `created_username`. */
  annotatorEmail: string | null;
  /** Our own exports name the layer: `gold` or `annotator:{userId}` (`stancebench_layer`). */
  layer: string | null;
  spans: ImportedSpan[];
  sentences: ImportedSentence[];
  relations: ImportedRelation[];
};
export type ImportedArticle = { taskId: string | null; docId: string | null; title: string | null; text: string; annotations: ImportedAnnotation[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const idOf = (v: unknown): string | null => (typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) ? String(v) : null);

/** Code-point offsets for a region, or null if neither reading matches its `text`. */
function regionOffsets(text: string, cps: string[], start: number, end: number, expected: string | null): [number, number] | null {
  const inCps = start >= 0 && end <= cps.length && start < end;
  if (inCps && (expected === null || cps.slice(start, end).join("") === expected)) return [start, end];
  const inUnits = start >= 0 && end <= text.length && start < end;
  if (expected !== null && inUnits && text.slice(start, end) === expected) {
    const before = text.slice(0, start);
    // A lone surrogate at either edge means the offsets split a character.
    if (/\p{Cs}/u.test(expected) || /\p{Cs}$/u.test(before)) return null;
    const s = Array.from(before).length;
    return [s, s + Array.from(expected).length];
  }
  return null;
}

function emailOf(ann: Obj): string | null {
  const by = ann.completed_by;
  if (isObj(by) && typeof by.email === "string") return by.email.trim().toLowerCase();
  const name = typeof ann.created_username === "string" ? ann.created_username : "";
  const m = /[^\s,]+@[^\s,]+/u.exec(name);
  return m ? m[0].toLowerCase() : null;
}

const parseText = (s: string): unknown => {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
};

/** `co_speakers`: a JSON list of `{name, type?}` (the TextArea's text, parsed). */
function readCoSpeakers(value: unknown, at: string): { name: string; type: string | null }[] {
  const fail = () => new ExportError(`${at}: co_speakers must be a JSON list of {name, type}`);
  if (!Array.isArray(value)) throw fail();
  return value.map((item: unknown) => {
    if (!isObj(item) || typeof item.name !== "string" || item.name.trim() === "" || (item.type !== undefined && item.type !== null && typeof item.type !== "string")) throw fail();
    return { name: item.name, type: typeof item.type === "string" ? item.type : null };
  });
}

type Region = { id: string; control: string; labels: string[]; start: number; end: number; text: string };
type PerRegion = { at: string; regionId: string; control: string; value: unknown; stance: "value" | "holder" | null };

function readAnnotation(ann: Obj, where: string, text: string, cps: string[]): ImportedAnnotation {
  const result = ann.result ?? [];
  if (!Array.isArray(result)) throw new ExportError(`${where}: result must be an array`);
  const regions: Region[] = [];
  const extras: PerRegion[] = [];
  const relations: { at: string; from: string; to: string; labels: string[] }[] = [];
  result.forEach((r, ri) => {
    const at = `${where} result ${ri}`;
    if (!isObj(r)) throw new ExportError(`${at}: not an object`);
    if (r.type === "relation") {
      const from = idOf(r.from_id);
      const to = idOf(r.to_id);
      if (!from || !to) throw new ExportError(`${at}: relation needs from_id and to_id`);
      // direction "left" points from to_id to from_id; "bi" and "right" are read as written.
      const [a, b] = r.direction === "left" ? [to, from] : [from, to];
      relations.push({ at, from: a, to: b, labels: Array.isArray(r.labels) ? r.labels.filter((l): l is string => typeof l === "string") : [] });
      return;
    }
    const v = r.value;
    if (!isObj(v)) throw new ExportError(`${at}: value missing`);
    const control = typeof r.from_name === "string" ? r.from_name : "";
    if (r.type === "labels") {
      const { start, end, labels } = v;
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) throw new ExportError(`${at}: value.start/end must be integers`);
      if (!Array.isArray(labels) || labels.length === 0 || !labels.every((l) => typeof l === "string" && l !== ""))
        throw new ExportError(`${at}: value.labels must be a non-empty list of strings`);
      const expected = typeof v.text === "string" ? v.text : null;
      const offsets = regionOffsets(text, cps, start as number, end as number, expected);
      if (!offsets) throw new ExportError(`${at}: [${String(start)}, ${String(end)}) does not locate ${JSON.stringify(expected)} in the text`);
      const id = idOf(r.id) ?? `${where}.${ri}`;
      regions.push({ id, control, labels: labels as string[], start: offsets[0], end: offsets[1], text: cps.slice(offsets[0], offsets[1]).join("") });
      return;
    }
    if (r.type !== "choices" && r.type !== "textarea") return; // other result kinds (ratings, brushes…) are not ours
    const regionId = idOf(r.id);
    // Choices without a region are task-level classifications, which our model has no place for.
    if (regionId === null || v.start === undefined) return;
    const list = r.type === "choices" ? v.choices : v.text;
    if (!Array.isArray(list) || list.length !== 1 || typeof list[0] !== "string")
      throw new ExportError(`${at}: ${r.type === "choices" ? "value.choices" : "value.text"} must hold exactly one string`);
    const stance = control.startsWith(LS_STANCE_PREFIX) ? "value" : control.startsWith(LS_STANCE_HOLDER_PREFIX) ? "holder" : null;
    extras.push({ at, regionId, control, value: r.type === "choices" ? list[0] : parseText(list[0] as string), stance });
  });

  const byId = new Map(regions.map((r) => [r.id, r]));
  const fragments = readFragments(relations, byId, where);
  const spans: ImportedSpan[] = [];
  const sentences: ImportedSentence[] = [];
  const owned = new Set<string>();
  for (const region of regions) {
    if (region.control === LS_PART_CONTROL || fragments.owner.has(region.id)) continue;
    const isSentence = region.control === LS_SENTENCE_CONTROL && region.labels.length === 1 && region.labels[0] === LS_SENTENCE_LABEL;
    const mine = extras.filter((e) => e.regionId === region.id);
    for (const type of isSentence ? [LS_SENTENCE_CONTROL] : region.labels) {
      const attributes: Record<string, unknown> = {};
      const values: { target: string; value: number }[] = [];
      const holders = new Map<string, string>();
      let speakerName: string | null = null;
      let speakerType: string | null = null;
      let coSpeakers: { name: string; type: string | null }[] = [];
      for (const e of mine) {
        if (e.stance === "value") {
          const value = Number(e.value);
          if (typeof e.value !== "string" || !Number.isInteger(value)) throw new ExportError(`${e.at}: stance must be one of -2, -1, 0, 1, 2`);
          values.push({ target: e.control.slice(LS_STANCE_PREFIX.length), value });
          continue;
        }
        if (e.stance === "holder") {
          if (!isStanceHolder(e.value)) throw new ExportError(`${e.at}: stance holder must be one of ${STANCE_HOLDERS.join(", ")}`);
          holders.set(e.control.slice(LS_STANCE_HOLDER_PREFIX.length), e.value);
          continue;
        }
        // `{owner}.{name}` for our own controls (owner matched as labels are, ignoring case); any
        // other control name is taken as the attribute name.
        const prefix = attributeControl(type, "").toLowerCase();
        const name = e.control.toLowerCase().startsWith(prefix) ? e.control.slice(prefix.length) : e.control;
        if (!isSentence && name === "speaker") speakerName = String(e.value);
        else if (!isSentence && name === "speaker_type") speakerType = String(e.value);
        else if (!isSentence && name === LS_CO_SPEAKERS) coSpeakers = readCoSpeakers(e.value, e.at);
        else attributes[name] = e.value;
      }
      for (const target of holders.keys())
        if (!values.some((v) => v.target === target)) throw new ExportError(`${where} region ${region.id}: a stance holder for "${target}" without a stance value`);
      // Files from other tools (or older exports) may have no holder: the type's default.
      const stance: Stance[] = withDefaultHolders(values.map((v) => ({ ...v, holder: holders.get(v.target) })), isSentence ? null : type);
      const id = region.labels.length > 1 && !isSentence ? `${region.id}:${type}` : region.id;
      if (isSentence) {
        sentences.push({ id, start: region.start, end: region.end, attributes, stance });
        continue;
      }
      const parts: ImportedSpan["parts"] = {};
      for (const rel of relations.filter((x) => x.from === region.id)) {
        const part = LS_PARTS.find((p) => rel.labels.includes(p));
        const target = byId.get(rel.to);
        if (!part || !target || target.control !== LS_PART_CONTROL) continue;
        parts[part] = { start: target.start, end: target.end };
        owned.add(target.id);
      }
      if (speakerType !== null && speakerName === null) throw new ExportError(`${where} region ${region.id}: a speaker type without a speaker`);
      if (coSpeakers.length > 0 && speakerName === null) throw new ExportError(`${where} region ${region.id}: further speakers without a first speaker`);
      const cover = joinFragments(region, fragments.of.get(region.id) ?? [], `${where} region ${region.id}`, cps);
      spans.push({ id, type, ...cover, attributes, stance, speaker: speakerName === null ? null : { name: speakerName, type: speakerType }, coSpeakers, parts });
    }
  }
  for (const r of regions) if (r.control === LS_PART_CONTROL && !owned.has(r.id)) throw new ExportError(`${where}: part region ${r.id} is not linked from a span by a ${LS_PARTS.join("/")} relation`);
  spans.sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(a.type, b.type) || compareStrings(a.id, b.id));
  const spanRelations = readSpanRelations(relations, byId, spans);
  sentences.sort((a, b) => a.start - b.start);
  const layer = typeof ann.stancebench_layer === "string" ? ann.stancebench_layer : null;
  return { id: idOf(ann.id), groundTruth: ann.ground_truth === true, annotatorEmail: emailOf(ann), layer, spans, sentences, relations: spanRelations };
}

/** `fragment` relations: further fragment regions by their span's first region (and who owns each). */
function readFragments(relations: { at: string; from: string; to: string; labels: string[] }[], regions: Map<string, Region>, where: string) {
  const of = new Map<string, Region[]>();
  const owner = new Map<string, string>();
  for (const rel of relations) {
    if (!rel.labels.includes(LS_FRAGMENT)) continue;
    const from = regions.get(rel.from);
    const to = regions.get(rel.to);
    if (!from || !to) throw new ExportError(`${rel.at}: a ${LS_FRAGMENT} relation must link two regions`);
    if (to.control !== from.control || to.labels.join("\u0000") !== from.labels.join("\u0000"))
      throw new ExportError(`${rel.at}: fragment region ${to.id} must have the same control and labels as its span's region ${from.id}`);
    if (owner.has(to.id)) throw new ExportError(`${rel.at}: region ${to.id} is a fragment of two spans`);
    owner.set(to.id, from.id);
    of.set(from.id, [...(of.get(from.id) ?? []), to]);
  }
  for (const first of of.keys()) if (owner.has(first)) throw new ExportError(`${where}: region ${first} is both a fragment and a span with fragments`);
  return { of, owner };
}

/** A span's region and its fragment regions → the covering offsets, its text and its gaps. */
function joinFragments(region: Region, more: Region[], at: string, cps: string[]): { start: number; end: number; text: string; gaps?: Offsets[] } {
  if (more.length === 0) return { start: region.start, end: region.end, text: region.text };
  const span = spanOfFragments([region, ...more]);
  if (!span) throw new ExportError(`${at}: its fragments overlap`);
  const problem = span.gaps ? Object.values(checkGaps(span.start, span.end, span.gaps))[0] : undefined;
  if (problem) throw new ExportError(`${at}: ${problem[0]}`);
  return { start: span.start, end: span.end, text: cps.slice(span.start, span.end).join(""), ...(span.gaps ? { gaps: span.gaps } : {}) };
}

/**
 * Relations whose both ends are span regions (part and sentence links are not ours to read here):
 * one per label, the label being the relation type. A region with several labels gave several
 * spans; a relation to it links its first.
 */
function readSpanRelations(relations: { at: string; from: string; to: string; labels: string[] }[], regions: Map<string, Region>, spans: ImportedSpan[]): ImportedRelation[] {
  const spanOf = new Map<string, string>();
  for (const s of spans) {
    const regionId = regions.has(s.id) ? s.id : s.id.slice(0, s.id.lastIndexOf(":"));
    if (!spanOf.has(regionId)) spanOf.set(regionId, s.id);
  }
  const out: ImportedRelation[] = [];
  for (const rel of relations) {
    const from = spanOf.get(rel.from);
    const to = spanOf.get(rel.to);
    if (!from || !to) continue;
    if (rel.labels.length === 0) throw new ExportError(`${rel.at}: a relation between spans needs a label (its relation type)`);
    for (const type of rel.labels) out.push({ type, fromId: from, toId: to });
  }
  return out;
}

/**
 * Reads a Label Studio JSON export (array of tasks, or one task) into articles with spans in
 * code points. Text comes from `data.text`. Non-cancelled annotations (or legacy
 * `completions`) are read; predictions are not. A region with several labels gives one span
 * per label. Per-region Choices/TextArea results and part relations are attached to their
 * region (names in names.ts); relations between span regions are read as typed
 * relations; task-level results and other relations are skipped.
 */
export function readLabelStudioTasks(json: unknown): ImportedArticle[] {
  let raw = json;
  if (typeof json === "string") {
    try {
      raw = JSON.parse(json);
    } catch (e) {
      throw new ExportError(`Label Studio: not JSON (${(e as Error).message})`);
    }
  }
  const tasks = Array.isArray(raw) ? raw : isObj(raw) ? [raw] : null;
  if (!tasks) throw new ExportError("Label Studio: expected an array of tasks");
  return tasks.map((task, ti) => {
    const where = `Label Studio task ${ti}`;
    if (!isObj(task)) throw new ExportError(`${where}: not an object`);
    const data = task.data;
    if (!isObj(data) || typeof data.text !== "string") throw new ExportError(`${where}: data.text must be a string`);
    const text = data.text;
    const cps = Array.from(text);
    const anns = task.annotations ?? task.completions ?? [];
    if (!Array.isArray(anns)) throw new ExportError(`${where}: annotations must be an array`);
    const annotations = anns.flatMap((ann, ai): ImportedAnnotation[] => {
      if (!isObj(ann)) throw new ExportError(`${where} annotation ${ai}: not an object`);
      return ann.was_cancelled === true ? [] : [readAnnotation(ann, `${where} annotation ${ai}`, text, cps)];
    });
    return {
      taskId: idOf(task.id),
      docId: typeof data.doc_id === "string" ? data.doc_id : null,
      title: typeof data.title === "string" ? data.title : null,
      text,
      annotations,
    };
  });
}
