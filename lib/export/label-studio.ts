import { compareStrings } from "./prepare";
import { ExportError, type FormatWriter } from "./types";
import { defineWriter } from "./writer";

export const LABEL_STUDIO_FILE = "label-studio.json";

/*
 * Offsets: Label Studio (frontend since PR heartexlabs/label-studio-frontend#308, 2022) stores
 * Text region offsets in code points, matching Python; older versions used JS UTF-16 units,
 * which broke after emoji. We write code points. The reader accepts code points, and falls
 * back to UTF-16 units only when the region's own `text` proves that reading is the right one.
 */

/**
 * `label-studio.json`: an array of tasks, one per line; one annotation per exported layer
 * (gold first, marked ground_truth), each region a `labels` result from "label" to "text".
 */
export function createLabelStudioWriter(): FormatWriter {
  let n = 0;
  return defineWriter("label-studio", {
    begin: () => [{ path: LABEL_STUDIO_FILE, data: "[" }],
    document(p) {
      const layers = [...new Set(p.spans.map((s) => s.layer))].sort((a, b) =>
        a === "gold" ? -1 : b === "gold" ? 1 : compareStrings(a, b),
      );
      const task = {
        id: ++n,
        data: { text: p.doc.text, title: p.doc.title, doc_id: p.doc.id },
        annotations: layers.map((layer) => ({
          ground_truth: layer === "gold",
          result: p.spans
            .filter((s) => s.layer === layer)
            .map((s) => ({
              id: s.id,
              from_name: "label",
              to_name: "text",
              type: "labels",
              value: { start: s.start, end: s.end, text: p.slice(s.start, s.end), labels: [s.type] },
            })),
        })),
      };
      return [{ path: LABEL_STUDIO_FILE, data: (n > 1 ? ",\n" : "\n") + JSON.stringify(task) }];
    },
    end: () => [{ path: LABEL_STUDIO_FILE, data: "\n]\n" }],
  });
}

export type ImportedSpan = { id: string; type: string; start: number; end: number; text: string };
export type ImportedAnnotation = { id: string | null; groundTruth: boolean; spans: ImportedSpan[] };
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

/**
 * Reads a Label Studio JSON export (array of tasks, or one task) into articles with spans in
 * code points. Text comes from `data.text`. Only `labels` results of non-cancelled
 * annotations (or legacy `completions`) are read; predictions, choices, textarea and relation
 * results are ignored. A region with several labels gives one span per label.
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
      if (ann.was_cancelled === true) return [];
      const result = ann.result ?? [];
      if (!Array.isArray(result)) throw new ExportError(`${where} annotation ${ai}: result must be an array`);
      const spans = result.flatMap((r, ri): ImportedSpan[] => {
        const at = `${where} annotation ${ai} result ${ri}`;
        if (!isObj(r)) throw new ExportError(`${at}: not an object`);
        if (r.type !== "labels") return [];
        const v = r.value;
        if (!isObj(v)) throw new ExportError(`${at}: value missing`);
        const { start, end, labels } = v;
        if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) throw new ExportError(`${at}: value.start/end must be integers`);
        if (!Array.isArray(labels) || labels.length === 0 || !labels.every((l) => typeof l === "string" && l !== ""))
          throw new ExportError(`${at}: value.labels must be a non-empty list of strings`);
        const expected = typeof v.text === "string" ? v.text : null;
        const offsets = regionOffsets(text, cps, start as number, end as number, expected);
        if (!offsets)
          throw new ExportError(`${at}: [${String(start)}, ${String(end)}) does not locate ${JSON.stringify(expected)} in the text`);
        const [s, e] = offsets;
        const id = idOf(r.id) ?? `${ti}.${ai}.${ri}`;
        return (labels as string[]).map((type) => ({
          id: labels.length > 1 ? `${id}:${type}` : id,
          type,
          start: s,
          end: e,
          text: cps.slice(s, e).join(""),
        }));
      });
      spans.sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(a.type, b.type) || compareStrings(a.id, b.id));
      return [{ id: idOf(ann.id), groundTruth: ann.ground_truth === true, spans }];
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
