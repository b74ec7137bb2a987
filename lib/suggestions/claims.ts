// Claim suggester: content sentences carrying something checkable (figures, money, dates,
// changes, records, comparisons). One CLAIM per sentence; the rule id names the strongest signal.
import type { Unit } from "./text-units";

export interface ClaimHit {
  rule: string;
  start: number;
  end: number;
}

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
// Ordered from most to least specific: the first match names the rule. Patterns are ASCII and run on
// the lower-cased sentence without the i/u flags, which are markedly slower in V8 on long documents.
// A figure before a currency word is checked backwards from the currency word, within 40
// characters: "\b\d[\d.,]*" tried from every digit of a list like "1,2,3,…" re-read the rest of it,
// quadratic in its length; no amount of money is written with more than 40 characters.
const CLAIM_RULES: ReadonlyArray<readonly [string, RegExp]> = [
  ["claim.percent", /\d\s?%|\bper\s?cent\b/],
  ["claim.money", /[$€£¥₽]\s?\d|(?=\s?(?:thousand|million|billion|trillion)?\s?(?:dollars|rubles|roubles|euros|yuan)\b)(?<=\b\d[\d.,]{0,40})|\b(?:thousand|million|billion|trillion)\b/],
  ["claim.change", /\b(?:increased|decreased|grew|fell|rose|dropped|doubled|tripled|halved|exceeded|amounted to|reached)\b/],
  ["claim.record", /\b(?:the (?:largest|biggest|smallest|highest|lowest|first|most|best|worst)|for the first time|records?|unprecedented)\b/],
  ["claim.comparison", /\b(?:more|less|fewer) than\b|\b(?:at least|almost|nearly|about|over|up to)\s+\$?\d/],
  ["claim.date", new RegExp(`\\b(?:${MONTHS})\\s+\\d{1,2}\\b|\\b\\d{1,2}(?:[–-]\\d{1,2})?\\s+(?:${MONTHS})\\b|\\b(?:19|20)\\d{2}\\b`)],
  ["claim.number", /\d|\b(?:dozens?|hundreds?|a third|a quarter|half)\b/],
];

export function findClaims(text: string, sentences: readonly Unit[]): ClaimHit[] {
  if (typeof text !== "string" || !Array.isArray(sentences)) throw new TypeError("findClaims expects text and sentences");
  const out: ClaimHit[] = [];
  for (const s of sentences) {
    if (s.kind !== "content") continue;
    const body = text.slice(s.start, s.end).trim().toLowerCase();
    // Questions and fragments are not assertions.
    if (/\?["”»]?$/.test(body) || !/^\S+(?:\s+\S+){4}/.test(body)) continue;
    const hit = CLAIM_RULES.find(([, re]) => re.test(body));
    if (hit) out.push({ rule: hit[0], start: s.start, end: s.end });
  }
  return out;
}
