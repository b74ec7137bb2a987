import type { DocumentTextDto } from "@/lib/validation/document-text";

const isInt = Number.isSafeInteger as (value: unknown) => value is number;

/**
 * The document-text answer checked by hand, with the rules of `documentTextSchema` (which still
 * names the type): a string `sha256` and `text`, and `sentences` as [index, start, end] integer
 * triples. zod runs without its compiled validators in the browser (the CSP forbids them), and
 * walking 20,000 tuples through it was the largest piece of work between the text's arrival and
 * the annotator being ready; this is one plain loop. Unknown keys are dropped, as zod does.
 */
export function parseDocumentText(body: unknown): DocumentTextDto | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const { sha256, text, sentences } = body as Record<string, unknown>;
  if (typeof sha256 !== "string" || typeof text !== "string" || !Array.isArray(sentences)) return null;
  for (let i = 0; i < sentences.length; i++) {
    const s: unknown = sentences[i];
    if (!Array.isArray(s) || s.length !== 3 || !isInt(s[0]) || !isInt(s[1]) || !isInt(s[2])) return null;
  }
  return { sha256, text, sentences: sentences as DocumentTextDto["sentences"] };
}
