// .jsonl (one article per line) and .json (one article object, or an array of them).
// A bad line or item is reported by number while the others still parse.

import { articleInputSchema, describeIssues, type ArticleInput } from "./article-input";

export type ParsedItem =
  | { line: number; ok: true; article: ArticleInput }
  | { line: number; ok: false; message: string };

function parseItem(value: unknown, line: number, label: string): ParsedItem {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { line, ok: false, message: `${label}: expected a JSON object with a "text" field` };
  }
  const parsed = articleInputSchema.safeParse(value);
  return parsed.success
    ? { line, ok: true, article: parsed.data }
    : { line, ok: false, message: `${label}: ${describeIssues(parsed.error)}` };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One article per non-blank line; `line` is the 1-based line number in the file. */
export function parseJsonl(text: string): ParsedItem[] {
  const results: ParsedItem[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const line = i + 1;
    // A BOM may precede the first line of files saved by Windows editors.
    const source = (i === 0 ? raw.replace(/^\uFEFF/, "") : raw).trim();
    if (source === "") return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      results.push({ line, ok: false, message: `Line ${line}: not valid JSON (${errorMessage(error)})` });
      return;
    }
    results.push(parseItem(value, line, `Line ${line}`));
  });
  return results;
}

/**
 * A .json file (one object, or an array of objects) or a .jsonl file. A document that parses
 * as a whole is a .json file and `line` numbers its items (1 for a single object); anything
 * else is read line by line as JSONL.
 */
export function parseJsonArticles(text: string): ParsedItem[] {
  let whole: unknown;
  try {
    whole = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return parseJsonl(text);
  }
  if (Array.isArray(whole)) return whole.map((item, i) => parseItem(item, i + 1, `Item ${i + 1}`));
  return [parseItem(whole, 1, "Line 1")];
}
