// Segmentation of an article into annotation units, in code-point offsets.

import { CodePointIndex } from "@/lib/text/code-points";
import { classifyBlocks, type SegmentKind, type Verdict } from "./boilerplate";
import { splitSentences, type SentencedBlock } from "./sentences";

export type { SegmentKind } from "./boilerplate";

/**
 * One annotation unit: code-point offsets into the original text (end-exclusive). Segments
 * are sorted, disjoint, never empty, never start or end with whitespace, and together
 * cover every non-whitespace character of the text exactly once.
 */
export type Segment = { start: number; end: number; kind: SegmentKind };

/** A segment with its text and the boilerplate rule that fired (null for content). */
export type ExplainedSegment = Segment & { text: string; rule: string | null };

/** Blocks with their sentences (UTF-16 ranges) and, parallel to those, the verdicts. */
export type ClassifiedBlock = SentencedBlock & { verdicts: Verdict[] };

/** Sentences and verdicts in UTF-16 ranges, for callers that work on the JS string. */
export function classifySentences(text: string, language?: string): ClassifiedBlock[] {
  const blocks = splitSentences(text, language);
  const verdicts = classifyBlocks(
    blocks.map((b) => ({
      text: text.slice(b.start, b.end),
      sentences: b.sentences.map((s) => text.slice(s.start, s.end)),
    })),
  );
  return blocks.map((block, b) => ({ ...block, verdicts: verdicts[b] ?? [] }));
}

/** Segments with their texts and the boilerplate rule behind each verdict. */
export function explainSegments(text: string, language?: string): ExplainedSegment[] {
  const index = new CodePointIndex(text);
  const segments: ExplainedSegment[] = [];
  classifySentences(text, language).forEach((block) => {
    block.sentences.forEach((sentence, s) => {
      const verdict = block.verdicts[s] ?? { kind: "content", rule: null };
      segments.push({
        start: index.toCodePoint(sentence.start),
        end: index.toCodePoint(sentence.end),
        kind: verdict.kind,
        text: text.slice(sentence.start, sentence.end),
        rule: verdict.rule,
      });
    });
  });
  return segments;
}

/**
 * Splits `text` into sentence segments (headings, bylines, captions and nav lines are
 * segments of their own) and marks each as content or boilerplate. `language` is an
 * ISO 639-1 code or BCP 47 tag choosing the Intl.Segmenter locale; unknown tags fall back to
 * the default rules.
 */
export function segmentText(text: string, language?: string): Segment[] {
  // explainSegments without the texts and rules: imports store only offsets and kinds.
  const index = new CodePointIndex(text);
  const segments: Segment[] = [];
  for (const block of classifySentences(text, language)) {
    block.sentences.forEach((sentence, s) => {
      segments.push({ start: index.toCodePoint(sentence.start), end: index.toCodePoint(sentence.end), kind: block.verdicts[s]?.kind ?? "content" });
    });
  }
  return segments;
}
