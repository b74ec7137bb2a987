// Decoded upload text to article records, whatever the format. Every format yields the same
// per-item result list, so the import screen reports .txt, .html and .jsonl errors alike.

import type { ArticleInput } from "./article-input";
import type { UploadFormat } from "./detect-format";
import { parseHtmlArticle } from "./parse-html";
import { parseJsonArticles, type ParsedItem } from "./parse-jsonl";
import { parseTxtArticle } from "./parse-txt";

export { articleInputSchema, type ArticleInput } from "./article-input";
export { detectFormat, type UploadFormat } from "./detect-format";
export { parseHtmlArticle, type HtmlParseResult } from "./parse-html";
export { parseJsonArticles, parseJsonl, type ParsedItem } from "./parse-jsonl";
export { parseTxtArticle, titleFromText } from "./parse-txt";

// A form field left empty arrives as undefined and must not erase what the page provided.
function definedFields(given: Partial<ArticleInput>): Partial<ArticleInput> {
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
}

/**
 * Articles in `text` read as `format`. `given` (fields from the upload form) fills in a .txt
 * or .html article's missing fields; JSON items carry their own.
 */
export function parseArticles(format: UploadFormat, text: string, given: Partial<ArticleInput> = {}): ParsedItem[] {
  switch (format) {
    case "txt":
      return [{ line: 1, ok: true, article: parseTxtArticle(text, given) }];
    case "html": {
      const result = parseHtmlArticle(text);
      if (!result.ok) return [{ line: 1, ok: false, message: result.message }];
      const { article } = result;
      const meta = { ...article.meta, ...given.meta };
      return [{ line: 1, ok: true, article: { ...article, ...definedFields(given), meta } }];
    }
    case "jsonl":
      return parseJsonArticles(text);
    default: {
      const unknown: never = format;
      return [{ line: 1, ok: false, message: `Unsupported format "${String(unknown)}"` }];
    }
  }
}
