// The CPU side of importing an article, no database: checks, duplicate fingerprint, language,
// segmentation and title. Pure, so it can run anywhere (a batch of the import job, a thread).
import crypto from "node:crypto";
import { detectLanguage } from "@/lib/ingest/language";
import { normalizedTextHash } from "@/lib/ingest/normalize";
import { segmentText, type Segment } from "@/lib/ingest/segment";
import { codePointLength, sliceCodePoints } from "@/lib/text/code-points";
import type { ArticleToImport } from "./import-article";

const MAX_TITLE = 300;

export function titleFrom(article: ArticleToImport, segments: readonly { start: number; end: number; kind: string }[]): string {
  if (article.title?.trim()) return article.title.trim().slice(0, MAX_TITLE);
  const first = segments.find((s) => s.kind === "content") ?? segments[0];
  return first ? sliceCodePoints(article.text, first.start, first.end).slice(0, MAX_TITLE) : "Untitled";
}

/** A refusal with the code and message the import reports for the line. */
export type ArticleProblem = { code: string; message: string };

/** What is known before segmenting: enough to find duplicates without the expensive part. */
export type Fingerprinted = { normalizedHash: string; publishedAt: Date | null };

export function fingerprintArticle(article: ArticleToImport, maxBytes: number): Fingerprinted | ArticleProblem {
  const bytes = Buffer.byteLength(article.text, "utf8");
  if (bytes > maxBytes) return { code: "payload_too_large", message: `The article is ${bytes} bytes; the limit is ${maxBytes} bytes per document.` };
  if (!article.text.trim()) return { code: "validation_failed", message: "The text is empty." };
  const publishedAt = article.publishedAt ? new Date(article.publishedAt) : null;
  if (publishedAt && Number.isNaN(publishedAt.getTime())) return { code: "validation_failed", message: `published_at is not a valid date: ${article.publishedAt}` };
  return { normalizedHash: normalizedTextHash(article.text), publishedAt };
}

export type PreparedArticle = {
  title: string;
  language: string;
  segments: Segment[];
  textSha256: string;
  charCount: number;
};

/** Language (given, or detected on the opening), sentences with their kinds, title and content hash. */
export function prepareArticle(article: ArticleToImport): PreparedArticle {
  const language = article.language?.trim() || detectLanguage(article.text);
  const segments = segmentText(article.text, language);
  return {
    title: titleFrom(article, segments),
    language,
    segments,
    textSha256: crypto.createHash("sha256").update(article.text, "utf8").digest("hex"),
    charCount: codePointLength(article.text),
  };
}
