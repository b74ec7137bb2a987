// A .txt upload is one article; its title is the first line that is not boilerplate.

import { truncateTitle, type ArticleInput } from "./article-input";
import { classifySentences } from "./segment";

/**
 * The first line of `text` holding a content sentence (so "Войти", counters and bylines are
 * skipped), trimmed and cut to 300 code points; undefined when every line is boilerplate.
 */
export function titleFromText(text: string, language?: string): string | undefined {
  for (const block of classifySentences(text, language)) {
    const index = block.verdicts.findIndex((v) => v.kind === "content");
    const sentence = block.sentences[index];
    if (sentence === undefined) continue;
    const line = block.lines.find((l) => l.start <= sentence.start && sentence.start < l.end);
    if (line !== undefined) return truncateTitle(text.slice(line.start, line.end));
  }
  return undefined;
}

/** The whole file as one article; fields in `given` (e.g. from the upload form) take precedence. */
export function parseTxtArticle(text: string, given: Partial<ArticleInput> = {}): ArticleInput {
  const article: ArticleInput = { ...given, text, meta: given.meta ?? {} };
  if (article.title === undefined) {
    const title = titleFromText(text, given.language);
    if (title !== undefined) article.title = title;
  }
  return article;
}
