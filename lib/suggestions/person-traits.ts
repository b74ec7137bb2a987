// What the text says about a person that a later back-reference can use: grammatical gender
// (from the first name, a Russian surname ending or a title such as "spokeswoman") and the words
// of their introduction ("Defence Ministry spokesman Ivan Petrov" → later "the spokesman").
import { ROLE_NOUNS } from "./lexicon";
import { RU_ROLE_STEMS, ruStem } from "./lexicon-ru";

export type Gender = "m" | "f";

// Common English and transliterated given names; only names whose gender is not in doubt.
const FEMALE_NAMES = new Set([
  "mary", "maria", "marie", "anna", "anne", "ann", "elena", "helen", "helena", "ellen", "elizabeth", "margaret", "rebecca",
  "rachel", "laura", "karen", "jane", "jennifer", "jenny", "jessica", "sarah", "susan", "linda", "patricia", "barbara",
  "nancy", "lisa", "emily", "emma", "olivia", "sophia", "catherine", "kate", "allison", "alison", "mallory", "hillary",
  "kamala", "ursula", "kaja", "annalena", "giorgia", "theresa", "angela", "victoria", "natalia", "natalya", "olga", "irina",
  "tatiana", "tatyana", "svetlana", "ekaterina", "yekaterina", "elvira", "valentina", "lyudmila", "ludmila", "galina",
  "marina", "yulia", "julia", "oksana", "anastasia", "daria", "darya", "alyona", "alena", "veronika", "christine", "kristina",
  "mao", "hua", "fu", "janet", "nikki", "condoleezza", "madeleine", "samantha", "linda", "wendy", "gina", "kristi", "alexandra",
]);
const MALE_NAMES = new Set([
  "john", "james", "robert", "michael", "william", "david", "richard", "thomas", "mark", "paul", "daniel", "brian", "stephen",
  "steven", "simon", "jonas", "mike", "joe", "donald", "antony", "anthony", "jake", "lloyd", "kurt", "igor", "ivan", "oleg",
  "sergey", "sergei", "dmitry", "dmitri", "vladimir", "alexander", "alexey", "alexei", "andrei", "andrey", "yuri", "pavel",
  "nikolai", "mikhail", "maxim", "anton", "arkady", "vasily", "viktor", "boris", "gennady", "konstantin", "timur", "nikita",
  "ilya", "wang", "li", "xi", "lin", "zhang", "sun", "ma", "gen", "shavkat", "jeenbek", "kassym-jomart", "emmanuel", "olaf",
]);
const FEMALE_TITLES = new Set(["spokeswoman", "chairwoman", "congresswoman", "businesswoman", "mrs", "ms", "miss", "madam", "queen", "actress", "she", "her"]);
const MALE_TITLES = new Set(["spokesman", "chairman", "congressman", "businessman", "mr", "king", "prince", "sheikh", "he", "his", "him"]);

/** Gender a name shows: a known given name, else a Russian surname or given-name ending. */
export function genderOfName(name: string): Gender | undefined {
  const tokens = name.toLowerCase().split(/\s+/u).filter((t) => t.length > 0);
  const first = tokens[0] ?? "";
  const last = tokens[tokens.length - 1] ?? "";
  if (tokens.length >= 2) {
    if (FEMALE_NAMES.has(first)) return "f";
    if (MALE_NAMES.has(first)) return "m";
  }
  // Cyrillic: "Мария Захарова", "Ольга", "Песков".
  // Short Chinese or Korean syllables ("Мао Нин") do not follow Russian endings.
  if (/\p{Script=Cyrillic}/u.test(last) && last.length >= 5) {
    if (/(?:ова|ева|ёва|ина|ына|ская|цкая|ая)$/u.test(last)) return "f";
    if (/(?:ов|ев|ёв|ин|ын|ский|цкий|ой)$/u.test(last)) return "m";
    if (tokens.length >= 2 && /[ая]$/u.test(first) && !/^(?:никита|илья|фома|кузьма|лука)$/u.test(first)) return "f";
    return undefined;
  }
  if (/(?:ova|eva|ina|skaya|tskaya)$/u.test(last) && tokens.length >= 2) return "f";
  return undefined;
}

export function genderOfWords(words: Iterable<string>): Gender | undefined {
  for (const w of words) {
    if (FEMALE_TITLES.has(w)) return "f";
    if (MALE_TITLES.has(w)) return "m";
  }
  return undefined;
}

/** Comparable form of a word for role matching: lower-case, Russian ending removed. */
export function roleKey(word: string): string {
  return ruStem(word.toLowerCase().replace(/[’]/gu, "'").replace(/'s$/u, ""));
}

// Role nouns that name the same function as a different word of the introduction.
const SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...[...ROLE_NOUNS].map(([role, titles]) => [role, titles] as [string, readonly string[]]),
  ["spokeswoman", ["spokesman", "spokesperson", "press", "representative"]],
  ["spokesperson", ["spokesman", "spokeswoman", "press", "representative"]],
  ["aide", ["aide", "adviser", "advisor", "assistant", "помощник"]],
  ["banker", ["bank", "banker"]],
  ["central", ["central"]],
  ["premier", ["premier", "prime"]],
  ["senator", ["senator", "sen"]],
  ["governor", ["governor", "gov"]],
  [ruStem("дипломат"), ["minister", "ambassador", "diplomat", "representative", "мид", ruStem("министр"), ruStem("посол"), ruStem("дипломат"), ruStem("представитель")]],
  [ruStem("представитель"), [ruStem("представитель"), ruStem("пресс-секретарь"), "spokesman", "spokeswoman", "spokesperson"]],
  [ruStem("спикер"), [ruStem("спикер"), ruStem("председатель")]],
  [ruStem("министр"), [ruStem("министр"), "мид"]],
  ["minister", ["minister", "ministry"]],
  [ruStem("глава"), [ruStem("глава"), ruStem("министр"), ruStem("председатель"), ruStem("руководитель"), ruStem("президент")]],
  ["мид", ["мид", ruStem("иностранных"), "foreign"]],
  [ruStem("эксперт"), [ruStem("эксперт"), ruStem("аналитик"), ruStem("экономист"), ruStem("политолог"), ruStem("профессор"), ruStem("китаист"), ruStem("востоковед")]],
  [ruStem("собеседник"), [ruStem("эксперт"), ruStem("аналитик"), ruStem("экономист"), ruStem("политолог"), ruStem("профессор")]],
]);

const ROLE_WORDS_EN = new Set([
  ...ROLE_NOUNS.keys(), "spokeswoman", "spokesperson", "official", "aide", "secretary", "senator", "governor", "general",
  "banker", "economist", "historian", "scholar", "lawmaker", "deputy", "premier", "chancellor", "envoy", "chairman",
  "chairwoman", "director", "chief", "commander", "admiral", "mayor", "congressman", "congresswoman", "adviser",
  "advisor", "columnist", "delegate", "general", "manager", "head",
]);

/** Whether a word is a role noun that can stand for a person ("the minister", "дипломат"). */
export function isRoleWord(word: string): boolean {
  const w = word.toLowerCase();
  return ROLE_WORDS_EN.has(w) || RU_ROLE_STEMS.has(ruStem(w));
}

/**
 * How well a role phrase fits what a person was introduced as: the number of role words that
 * appear (or whose synonyms appear) among the introduction's words, compared by prefix so that
 * "banker" ~ "bank" and "председатель" ~ "председателем".
 */
export function roleScore(roleWords: readonly string[], intro: ReadonlySet<string>): number {
  let score = 0;
  for (const w of roleWords) {
    const candidates = [w, ...(SYNONYMS.get(w) ?? [])];
    let hit = false;
    for (const c of candidates) {
      if (intro.has(c)) hit = true;
      else if (c.length >= 4) for (const i of intro) if (i.length >= 4 && (i.startsWith(c) || c.startsWith(i))) hit = true;
      if (hit) break;
    }
    if (hit) score++;
  }
  return score;
}
