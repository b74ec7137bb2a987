import "server-only";
import { env } from "@/lib/env";
import { articleInputSchema, describeIssues } from "@/lib/ingest/article-input";
import { decodeUpload, UPLOAD_ENCODINGS, type UploadEncoding } from "@/lib/ingest/decode";
import { detectFormat } from "@/lib/ingest/detect-format";
import { parseArticles } from "@/lib/ingest/parse-article";
import { queueSuggestionsAfterImport } from "@/lib/suggestion-runs/suggestion-task";
import type { ImportResult } from "@/lib/validation/documents";
import { importArticles, type ArticleEntry } from "./import-articles";
import { importLabelStudio, isLabelStudioExport } from "@/lib/formats/label-studio/import";
import { importNativeJsonl, looksLikeNativeJsonl } from "@/lib/formats/native/import";
import { importKeyOf, type ImportContext } from "./import-context";

/** A batch of a bigger file: its lines start after `lineOffset`; `native` was decided for the whole file. */
export type FilePart = { lineOffset: number; native: boolean };
export type UploadedFile = { name: string; bytes: Uint8Array; encoding?: string | null };

const failed = (name: string, code: string, message: string, line?: number): ImportResult => ({
  name,
  ...(line !== undefined ? { line } : {}),
  status: "failed",
  error: { code, message },
});

/** Stores the parsed articles in batches; the refusals found while parsing keep their place. */
async function importParsed(ctx: ImportContext, items: (ArticleEntry | ImportResult)[]): Promise<ImportResult[]> {
  const entries = items.filter((i): i is ArticleEntry => "article" in i);
  const stored = await importArticles(ctx.projectId, ctx.userId, entries);
  let next = 0;
  return items.map((i) => ("article" in i ? stored[next++]! : i));
}

export function parseWholeJson(text: string): unknown {
  const body = text.replace(/^\uFEFF/u, "").trimStart();
  if (!body.startsWith("[") && !body.startsWith("{")) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** An uploaded file (.txt, .jsonl, .json, .html) → one result per article it holds. */
export async function importUploadedFile(ctx: ImportContext, file: UploadedFile, part?: FilePart): Promise<ImportResult[]> {
  const results = await importFileContent(ctx, file, part);
  if (part?.lineOffset) for (const r of results) if (r.line !== undefined) r.line += part.lineOffset;
  return results;
}

async function importFileContent(ctx: ImportContext, file: UploadedFile, part?: FilePart): Promise<ImportResult[]> {
  const encoding = (file.encoding || "utf-8").toLowerCase();
  if (!UPLOAD_ENCODINGS.includes(encoding as UploadEncoding)) {
    return [failed(file.name, "validation_failed", `Unknown encoding "${file.encoding}"; use one of ${UPLOAD_ENCODINGS.join(", ")}.`)];
  }
  const format = detectFormat(file.name, file.bytes);
  if (!format) {
    return [failed(file.name, "unsupported_media_type", "Unsupported file type: upload .txt, .jsonl, .json or .html files.")];
  }
  // A .jsonl may hold many articles, so the per-document limit applies to each article; a single
  // text or HTML file is one document and is refused before decoding.
  if (format !== "jsonl" && file.bytes.length > env().MAX_DOCUMENT_BYTES) {
    return [failed(file.name, "payload_too_large", `The file is ${file.bytes.length} bytes; the limit is ${env().MAX_DOCUMENT_BYTES} bytes per document.`)];
  }
  const decoded = decodeUpload(file.bytes, encoding as UploadEncoding);
  if (!decoded.ok) {
    const code = decoded.code === "binary" ? "unsupported_media_type" : "validation_failed";
    return [failed(file.name, code, decoded.message)];
  }
  if (format === "jsonl") {
    // Our own native dataset export: documents come back with their sentences and gold layer.
    if (part ? part.native : looksLikeNativeJsonl(decoded.text)) return importNativeJsonl(ctx, file.name, decoded.text);
    const whole = part ? undefined : parseWholeJson(decoded.text);
    if (whole !== undefined && isLabelStudioExport(whole)) return importLabelStudio(ctx, file.name, whole);
  }
  const items = parseArticles(format, decoded.text, format === "txt" ? { meta: { file: file.name } } : {});
  const results = await importParsed(
    ctx,
    items.map((item) => {
      const line = format === "jsonl" ? item.line : undefined;
      return item.ok ? { name: file.name, line, article: item.article, importKey: importKeyOf(ctx, line) } : failed(file.name, "validation_failed", item.message, line);
    }),
  );
  await suggestAfterImport(ctx, results);
  return results;
}

/** Every import ends by queueing one suggestion run for the documents it created. */
async function suggestAfterImport(ctx: ImportContext, results: ImportResult[]): Promise<void> {
  if (ctx.deferSuggestions) return;
  await queueSuggestionsAfterImport(ctx.projectId, ctx.userId, importedIds(results));
}

export function importedIds(results: ImportResult[]): string[] {
  return results.flatMap((r) => (r.status === "imported" && r.id ? [r.id] : []));
}

/** A JSON request body: one article object or an array of them. */
export async function importJsonArticles(ctx: ImportContext, body: unknown): Promise<ImportResult[]> {
  const items = Array.isArray(body) ? body : [body];
  const results = await importParsed(
    ctx,
    items.map((raw, i) => {
      const name = Array.isArray(body) ? `item ${i + 1}` : "article";
      const parsed = articleInputSchema.safeParse(raw);
      return parsed.success ? { name, article: parsed.data, importKey: null } : failed(name, "validation_failed", describeIssues(parsed.error));
    }),
  );
  await suggestAfterImport(ctx, results);
  return results;
}
