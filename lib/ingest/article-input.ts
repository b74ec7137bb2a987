// One article as uploaded (JSONL line, JSON body, or parsed from .txt/.html), before storage.

import { z } from "@/lib/validation/zod";

export type ArticleInput = {
  title?: string;
  /** The article text exactly as uploaded: annotation offsets point into it. */
  text: string;
  source?: string;
  originalSource?: string;
  author?: string;
  url?: string;
  publishedAt?: string;
  language?: string;
  meta: Record<string, unknown>;
};

/** Longest title kept; longer ones are cut at a word boundary. */
export const MAX_TITLE_CODE_POINTS = 300;

const KNOWN_FIELDS = new Set([
  "title", "text", "source", "original_source", "author", "url", "published_at", "language", "meta",
]);

// Optional descriptive fields: null and blank mean "absent"; surrounding spaces are dropped.
const optionalField = z
  .string({ error: "must be a string" })
  .nullish()
  .transform((value) => {
    const trimmed = value?.trim();
    return trimmed === undefined || trimmed === "" ? undefined : trimmed;
  });

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/**
 * Schema of one article in snake_case JSON (JSONL lines and the HTTP API's JSON bodies).
 * Fields it does not know are kept in `meta` rather than rejected; keys given in `meta`
 * itself win over same-named unknown fields.
 */
export const articleInputSchema = z
  .looseObject({
    title: optionalField,
    text: z
      .string({ error: "must be a non-empty string" })
      .refine((text) => text.trim() !== "", { error: "must be a non-empty string" }),
    source: optionalField,
    original_source: optionalField,
    author: optionalField,
    url: optionalField,
    published_at: optionalField,
    language: optionalField.refine((tag) => tag === undefined || LANGUAGE_TAG.test(tag), {
      error: "must be a language code such as \"en\" or \"ru\"",
    }),
    meta: z.record(z.string(), z.unknown(), { error: "must be an object" }).nullish(),
  })
  .transform((raw): ArticleInput => {
    const extra: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (!KNOWN_FIELDS.has(key)) extra[key] = value;
    }
    const article: ArticleInput = { text: raw.text, meta: { ...extra, ...(raw.meta ?? {}) } };
    if (raw.title !== undefined) article.title = truncateTitle(raw.title);
    if (raw.source !== undefined) article.source = raw.source;
    if (raw.original_source !== undefined) article.originalSource = raw.original_source;
    if (raw.author !== undefined) article.author = raw.author;
    if (raw.url !== undefined) article.url = raw.url;
    if (raw.published_at !== undefined) article.publishedAt = raw.published_at;
    if (raw.language !== undefined) article.language = raw.language.toLowerCase();
    return article;
  });

/** "text: must be a non-empty string; meta: must be an object" */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** `title` trimmed and cut to MAX_TITLE_CODE_POINTS code points, at a word boundary if one is near. */
export function truncateTitle(title: string): string {
  const trimmed = title.trim();
  const points = Array.from(trimmed);
  if (points.length <= MAX_TITLE_CODE_POINTS) return trimmed;
  const head = points.slice(0, MAX_TITLE_CODE_POINTS - 1).join("");
  const lastSpace = head.search(/\s\S*$/u);
  const cut = lastSpace > head.length / 2 ? head.slice(0, lastSpace) : head;
  return `${cut.trimEnd()}…`;
}
