// Which parser an upload goes to. "jsonl" covers .json too: parseJsonArticles reads a JSON
// document (object or array) or JSON Lines alike.

export type UploadFormat = "txt" | "jsonl" | "html";

const BY_EXTENSION: Readonly<Record<string, UploadFormat>> = {
  txt: "txt",
  text: "txt",
  jsonl: "jsonl",
  ndjson: "jsonl",
  json: "jsonl",
  html: "html",
  htm: "html",
  xhtml: "html",
};

// Only the head of the file is inspected when the name has no extension.
const SNIFF_BYTES = 1024;

function extensionOf(fileName: string): string | null {
  const base = fileName.trim().split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : null;
}

function sniff(bytes: Uint8Array): UploadFormat | null {
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/, "").trimStart();
  if (head === "" || head.includes("\u0000")) return null;
  if (/^<(?:!doctype html|html|head|body)\b/i.test(head)) return "html";
  if (head.startsWith("{") || head.startsWith("[")) return "jsonl";
  return "txt";
}

/**
 * The upload's format from its file name's extension; a name without an extension is judged
 * by its first bytes. Unknown extensions (.docx, .pdf, …) and empty or binary files without
 * one give null.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): UploadFormat | null {
  const extension = extensionOf(fileName);
  if (extension !== null) return BY_EXTENSION[extension] ?? null;
  return sniff(bytes);
}
