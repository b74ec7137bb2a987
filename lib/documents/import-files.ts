import "server-only";
import { mapConcurrent } from "@/lib/async/map-concurrent";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { articleInputSchema, describeIssues, type ArticleInput } from "@/lib/ingest/article-input";
import { decodeUpload, UPLOAD_ENCODINGS, type UploadEncoding } from "@/lib/ingest/decode";
import { detectFormat } from "@/lib/ingest/detect-format";
import { parseArticles } from "@/lib/ingest/parse-article";
import { queueSuggestionsAfterImport } from "@/lib/suggestion-runs/suggestion-task";
import type { ImportResult } from "@/lib/validation/documents";
import { importArticle } from "./import-article";
import { importLabelStudio, isLabelStudioExport } from "./import-label-studio";
import { importNativeJsonl, looksLikeNativeJsonl } from "./import-native";

// Documents of one batch are stored a few at a time, each in its own transaction.
const PARALLEL_DOCUMENTS = 4;

/** `deferSuggestions`: the caller queues suggestions itself (a background batch queues one run at its end). */
/**
 * `importKeyPrefix`: set by a background import ("<task id>:<file id>"); each document remembers
 * its line under it, so a batch re-run after a crash recognises the lines it stored before.
 */
export type ImportContext = { projectId: string; userId: string | null; deferSuggestions?: boolean; importKeyPrefix?: string; lineOffset?: number };

/** The key a document stored from `line` (1-based, within this part of the file) carries. */
export function importKeyOf(ctx: ImportContext, line: number | undefined): string | null {
  return ctx.importKeyPrefix ? `${ctx.importKeyPrefix}:${(line ?? 0) + (ctx.lineOffset ?? 0)}` : null;
}
/** A batch of a bigger file: its lines start after `lineOffset`; `native` was decided for the whole file. */
export type FilePart = { lineOffset: number; native: boolean };
export type UploadedFile = { name: string; bytes: Uint8Array; encoding?: string | null };

const failed = (name: string, code: string, message: string, line?: number): ImportResult => ({
  name,
  ...(line !== undefined ? { line } : {}),
  status: "failed",
  error: { code, message },
});

/** Imports one parsed article; every failure becomes a result, never a thrown error. */
export async function importOne(ctx: ImportContext, name: string, article: ArticleInput, line?: number): Promise<ImportResult> {
  const where = line !== undefined ? { line } : {};
  const bytes = Buffer.byteLength(article.text, "utf8");
  if (bytes > env().MAX_DOCUMENT_BYTES) {
    return failed(name, "payload_too_large", `The article is ${bytes} bytes; the limit is ${env().MAX_DOCUMENT_BYTES} bytes per document.`, line);
  }
  try {
    const outcome = await importArticle({ projectId: ctx.projectId, createdById: ctx.userId, article, importKey: importKeyOf(ctx, line) });
    return outcome.status === "imported"
      ? { name, ...where, status: "imported", id: outcome.id, title: outcome.title, sentenceCount: outcome.sentenceCount }
      : { name, ...where, status: "duplicate", existingId: outcome.existingId, title: outcome.title };
  } catch (error) {
    if (isAppError(error)) return failed(name, error.code, error.message, line);
    console.error("import failed", error);
    return failed(name, "internal", "The article could not be stored; nothing was saved for it.", line);
  }
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
  const results = await mapConcurrent(items, PARALLEL_DOCUMENTS, (item) => {
    const line = format === "jsonl" ? item.line : undefined;
    return item.ok ? importOne(ctx, file.name, item.article, line) : Promise.resolve(failed(file.name, "validation_failed", item.message, line));
  });
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
  const results = await mapConcurrent(items, PARALLEL_DOCUMENTS, (raw, i) => {
    const name = Array.isArray(body) ? `item ${i + 1}` : "article";
    const parsed = articleInputSchema.safeParse(raw);
    return parsed.success ? importOne(ctx, name, parsed.data) : Promise.resolve(failed(name, "validation_failed", describeIssues(parsed.error)));
  });
  await suggestAfterImport(ctx, results);
  return results;
}
