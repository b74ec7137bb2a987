// Corrections to Intl.Segmenter's sentence boundaries. ICU breaks after any "." followed by
// a space and a capital letter, so it splits "U.S. Secretary", "St. Petersburg", "Mr. Smith",
// "V. Putin" and "— Approx. InoSMI)". Each rule below says when a proposed boundary between
// two pieces of text must be removed; `joinReason` names the rule that fired.

import { startsWithLowercase } from "./lines";

/** Abbreviations that (practically) never end a sentence; compared lower-case, final dot removed. */
export const MID_SENTENCE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  // English titles and ranks
  "mr", "mrs", "ms", "messrs", "dr", "prof", "st", "mt", "gen", "col", "lt", "sgt", "capt",
  "cmdr", "adm", "sen", "rep", "gov", "pres", "rev", "hon", "amb", "maj", "brig", "supt", "insp", "fr",
  // English Latinisms and editorial markers ("— Approx. InoSMI")
  "approx", "vs", "i.e", "e.g", "cf", "viz", "fig",
  // Months, as in "Jan. 5"
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  // Russian: т.е. (that is), т.к. (because), т.н. (so-called), т.ч. (incl.), им. (named after),
  // ул. (street), просп. (avenue), пер. (lane), см. (see), ср. (compare), рис. (figure),
  // проф./акад./доц. (titles), тов. (comrade), напр. (e.g.), англ. (English), прим. (note)
  "т.е", "т.к", "т.н", "т.ч", "им", "ул", "просп", "пер", "см", "ср", "рис", "проф", "акад",
  "доц", "тов", "напр", "англ", "прим",
  // корр. (correspondent, as in "/Корр. ТАСС …/"), зам. (deputy), ген. (general)
  "корр", "спецкорр", "зам", "ген",
  // р. (river), о. (island), оз. (lake), пос. (settlement), полк. (colonel), адм. (admiral), св. (saint)
  "р", "о", "оз", "пос", "полк", "адм", "св",
]);

/** Abbreviations that precede a number: "No. 5", "pp. 10–12", "ст. 15". */
export const BEFORE_NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set([
  "no", "nos", "p", "pp", "vol", "art", "ch", "ст", "п", "ч", "т",
]);

/** Dotted country/organisation names, mostly used attributively ("U.S. Secretary of State"). */
export const DOTTED_NAMES: ReadonlySet<string> = new Set([
  "u.s", "u.k", "u.n", "e.u", "u.s.a", "u.s.s.r", "d.c", "u.a.e",
]);

/** "10 a.m. Moscow time": a time of day, a boundary only before a word that opens sentences. */
export const TIME_ABBREVIATIONS: ReadonlySet<string> = new Set(["a.m", "p.m"]);

/** Words that typically open a sentence: after "U.S." they signal a real boundary. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  "the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "you", "this", "that",
  "these", "those", "there", "but", "and", "or", "so", "yet", "in", "on", "at", "as", "after",
  "before", "however", "meanwhile", "still", "then", "now", "when", "while", "if", "what",
  "why", "how", "who", "our", "their", "his", "her", "my", "some", "many", "most", "all",
  "since", "although", "though", "because", "according", "earlier", "later", "today",
  "yesterday", "moreover", "nevertheless", "instead", "also",
]);

// The abbreviation-like token right before a final ".": "U.S.", "St.", "т.е.", "J.".
// Only the tail is examined so the cost does not grow with the sentence.
const FINAL_TOKEN = /(?:^|[^\p{L}\p{N}.])([\p{L}\p{N}](?:[\p{L}\p{N}.]*[\p{L}\p{N}])?)\.$/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LEADING_OPENERS = /^["'«“„‘([{]+/u;
const SINGLE_UPPERCASE_LETTER = /^\p{Lu}$/u;
const FIRST_WORD = /^[\p{L}\p{N}]+/u;
const NUMBER_END = /\d\s*$/u;
// Wire datelines stay one sentence with what follows: "MOSCOW, November 27. /TASS/. Russian …".
// The date may hold an abbreviated month ("WASHINGTON, Dec. 2. /Northline/."), the agency tag a
// correspondent ("/Корр. ТАСС Иван Лебедев/." — ICU cuts it at "Корр.", so a tag may arrive open).
const DATELINE_HEAD = /(?:^|\n)\p{Lu}{3,}(?:[ -]\p{Lu}{2,})*,\s(?:\p{L}{3,5}\.\s)?[^.\n]{1,25}\.$/u;
const AGENCY_TAG = /^\/[\p{L}\p{N} .-]{2,40}(?:\/|$)/u;
const DATELINE_WHOLE = /(?:^|\n)\p{Lu}{3,}(?:[ -]\p{Lu}{2,})*,\s(?:\p{L}{3,5}\.\s)?[^.\n]{1,25}\.\s*\/[\p{L}\p{N} .-]{2,40}\/\.$/u;
// "МОСКВА, 2 дек — РИА Новости. Китай …": the agency after a dash, then the story.
const DATELINE_DASH = /(?:^|\n)\p{Lu}{3,}(?:[ -]\p{Lu}{2,})*,\s\d{1,2}\s\p{L}{3,8}\.?\s+[—–-]\s+[^.\n]{2,30}\.$/u;
// A list item's number or letter on its own: "1." before "Sanctions on …", "б)".
const LIST_MARK = /^(?:\d{1,3}|\p{Ll})[.)]$/u;
// A one-word lead before a label: "Translation. Region: Central Asia".
const ONE_WORD = /^\p{Lu}\p{L}+\.$/u;
const LABEL_START = /^\p{Lu}\p{L}+\s*:/u;

export type JoinReason =
  | "no-letters"
  | "lowercase-continuation"
  | "mid-sentence-abbreviation"
  | "initial"
  | "number-abbreviation"
  | "city-abbreviation"
  | "dotted-name"
  | "dateline"
  | "one-word-lead"
  | "list-mark";

function finalToken(text: string): string | undefined {
  return FINAL_TOKEN.exec(text.slice(-40))?.[1];
}

/**
 * Why the boundary between `previous` and `next` (both trimmed, non-empty) must be removed,
 * or null to keep it. Bracket nesting is handled separately by the caller.
 */
export function joinReason(previous: string, next: string): JoinReason | null {
  // A stray closing quote or dash left on its own belongs to the sentence it closes.
  if (!HAS_LETTER_OR_DIGIT.test(next)) return "no-letters";
  // ICU breaks after "?"/"!"/"…" even when the sentence goes on: `"Really?" he asked.`
  if (startsWithLowercase(next)) return "lowercase-continuation";
  if ((AGENCY_TAG.test(next) && DATELINE_HEAD.test(previous)) || DATELINE_WHOLE.test(previous) || DATELINE_DASH.test(previous)) return "dateline";
  if (LIST_MARK.test(previous)) return "list-mark";
  if (ONE_WORD.test(previous) && LABEL_START.test(next)) return "one-word-lead";

  const token = finalToken(previous);
  if (token === undefined) return null;
  const abbreviation = token.toLowerCase();
  const nextBody = next.replace(LEADING_OPENERS, "");
  const nextFirst = nextBody.charAt(0);

  if (MID_SENTENCE_ABBREVIATIONS.has(abbreviation)) return "mid-sentence-abbreviation";
  // A surname never opens with a quote mark: "Ван И. «Это был …" ends a sentence on a one-letter name.
  if (SINGLE_UPPERCASE_LETTER.test(token) && /\p{Lu}/u.test(nextFirst) && nextBody.length === next.length) return "initial";
  if (BEFORE_NUMBER_ABBREVIATIONS.has(abbreviation) && /\d/.test(nextFirst)) {
    return "number-abbreviation";
  }
  // "г." is "city" before a name ("г. Москва") but "year" after a number ("в 2022 г. Россия…").
  if (abbreviation === "г") {
    const beforeToken = previous.slice(0, previous.length - token.length - 1);
    return NUMBER_END.test(beforeToken) ? null : "city-abbreviation";
  }
  if (DOTTED_NAMES.has(abbreviation) || TIME_ABBREVIATIONS.has(abbreviation)) {
    const word = FIRST_WORD.exec(nextBody)?.[0]?.toLowerCase();
    return word !== undefined && SENTENCE_STARTERS.has(word) ? null : "dotted-name";
  }
  return null;
}
