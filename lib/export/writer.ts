import { checkContext, prepareDocument, type PreparedDocument } from "./prepare";
import { ExportError, type ExportContext, type ExportDocument, type ExportSummary, type FileChunk, type FormatWriter } from "./types";

type Steps = {
  begin(ctx: ExportContext): FileChunk[];
  document(doc: PreparedDocument, ctx: ExportContext): FileChunk[];
  end(ctx: ExportContext, summary: ExportSummary): FileChunk[];
};

/**
 * Wraps a format's steps with the shared rules: calls in order begin → document* → end,
 * context and documents validated, and document ids unique (a duplicate would silently
 * overwrite per-document files or double-count).
 */
export function defineWriter(format: string, steps: Steps): FormatWriter {
  let ctx: ExportContext | null = null;
  let ended = false;
  const seen = new Set<string>();
  const open = (call: string): ExportContext => {
    if (ended) throw new ExportError(`${format}: ${call}() after end()`);
    if (!ctx) throw new ExportError(`${format}: ${call}() before begin()`);
    return ctx;
  };
  return {
    format,
    begin(c) {
      if (ctx || ended) throw new ExportError(`${format}: begin() called twice`);
      checkContext(c);
      ctx = c;
      return steps.begin(c);
    },
    document(doc: ExportDocument) {
      const c = open("document");
      const prepared = prepareDocument(doc);
      if (seen.has(doc.id)) throw new ExportError(`${format}: document ${JSON.stringify(doc.id)} written twice`);
      seen.add(doc.id);
      return steps.document(prepared, c);
    },
    end(summary = { agreement: [] }) {
      const c = open("end");
      ended = true;
      return steps.end(c, summary);
    },
  };
}

/** Collects a writer's whole output per file; for tests and small exports only. */
export function runWriter(
  writer: FormatWriter,
  ctx: ExportContext,
  docs: Iterable<ExportDocument>,
  summary?: ExportSummary,
): Map<string, string> {
  const files = new Map<string, string>();
  const add = (chunks: FileChunk[]) => {
    for (const c of chunks) files.set(c.path, (files.get(c.path) ?? "") + c.data);
  };
  add(writer.begin(ctx));
  for (const doc of docs) add(writer.document(doc));
  add(writer.end(summary));
  return files;
}
