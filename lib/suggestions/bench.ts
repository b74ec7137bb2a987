// A long synthetic document for the speed check: the corpus repeated, cut after exactly N sentences.
import { splitSentences } from "./text-units";

export function buildLargeDocument(texts: readonly string[], sentenceCount: number): string {
  if (!Number.isInteger(sentenceCount) || sentenceCount <= 0) throw new RangeError("sentenceCount must be a positive integer");
  const block = texts.join("\n\n");
  const perBlock = splitSentences(block).length;
  if (perBlock === 0) throw new RangeError("texts contain no sentences");
  const doc = Array.from({ length: Math.ceil(sentenceCount / perBlock) }, () => block).join("\n\n");
  const last = splitSentences(doc)[sentenceCount - 1];
  return last ? doc.slice(0, last.end) : doc;
}
