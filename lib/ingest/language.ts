// Language of an article (ISO 639-1) and the Intl.Segmenter locale that goes with it.

import { detect } from "tinyld";

export const UNDETERMINED = "und";

// Below this many letters tinyld guesses wildly ("Войти" comes back as Ukrainian).
const MIN_LETTERS = 20;
// The opening of an article decides its language; scraped sidebars sit at the end.
// 2,000 characters decide as reliably as the whole text on the corpus (1,000 did not on a short
// HTML page) at a fraction of the cost: detection was a quarter of an import's CPU time at 4,000.
const SAMPLE_CHARS = 2_000;
const LETTER = /\p{L}/gu;
const ISO_639_1 = /^[a-z]{2}$/;

/**
 * ISO 639-1 code of the text's language, or "und" when tinyld is unsure (it returns "" then)
 * or the text has too few letters to judge.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters < MIN_LETTERS) return UNDETERMINED;
  const language = detect(sample);
  return ISO_639_1.test(language) ? language : UNDETERMINED;
}

/**
 * The locale to hand to Intl.Segmenter for a language tag, or undefined (the runtime's
 * default rules) for "und", an empty tag, or a tag Intl rejects.
 */
export function segmenterLocale(language: string | undefined): string | undefined {
  if (language === undefined || language.trim() === "" || language === UNDETERMINED) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(language.trim());
    if (canonical === undefined) return undefined;
    return Intl.Segmenter.supportedLocalesOf([canonical])[0];
  } catch {
    return undefined;
  }
}
