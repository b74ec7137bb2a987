// Parsing the noun phrase next to a cue into a speaker: a name (person, organisation, outlet), a pronoun
// with its gender, a role noun ("the spokesman", "дипломат") with the words that describe the role, or an
// impersonal passive. English and Russian.
import { NATION_TAGS, NON_NAME_WORDS, ORG_HEADS, OUTLET_HEADS, PLURAL_SOURCES, ROLE_NOUNS, TITLE_WORDS } from "./lexicon";
import { RU_TITLE_STEMS, ruNation, ruStem } from "./lexicon-ru";
import { genderOfWords, isRoleWord, roleKey, type Gender } from "./person-traits";
import type { EntityType } from "./types";

export type SpeakerPhrase =
  | { kind: "name"; name: string; type: EntityType; start: number; end: number }
  | { kind: "pronoun"; gender?: Gender; start: number; end: number }
  | { kind: "role"; role: string; text: string; words: string[]; gender?: Gender; nations: ReadonlySet<string>; start: number; end: number }
  | { kind: "impersonal"; start: number; end: number }
  | { kind: "none" };

export const NAME_RUN = /\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*)*/gu;
const PRONOUN = /(?<![\p{L}])(he|she|him|her|his|он|она|его|ее|её)(?![\p{L}])/iu;
const PRONOUN_GENDER: Readonly<Record<string, Gender>> = { he: "m", him: "m", his: "m", он: "m", его: "m", she: "f", her: "f", она: "f", ее: "f", её: "f" };
// Capitalised Russian words that name institutions, not people ("спикер Госдумы", "представитель Кремля").
const RU_INSTITUTION = /^(?:госдум|кремл|мид|правительств|министерств|университет|институт|центр|совет|комитет|банк|агентств|издани|газпром)/u;

export interface Token {
  text: string;
  start: number;
  end: number;
}

export function tokensOf(s: string, offset = 0): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}'’.-]+/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

export const lower = (t: string) => t.toLowerCase().replace(/[’]/g, "'");
export const nationOf = (t: string) => NATION_TAGS.get(lower(t)) ?? ruNation(t);
export const isTitle = (t: string) => TITLE_WORDS.has(lower(t)) || nationOf(t) !== undefined || RU_TITLE_STEMS.has(ruStem(t));
// A token mixing scripts ("Telegram-канале") is a thing, not a person.
const mixedScript = (t: string) => /\p{Script=Latin}/u.test(t) && /\p{Script=Cyrillic}/u.test(t);
export const isNonName = (t: string) =>
  NON_NAME_WORDS.has(lower(t)) || isTitle(t) || /^\p{Lu}{2,}$/u.test(t) || mixedScript(t) || RU_INSTITUTION.test(lower(t));

/** The person-name part of a capitalised run ("Russian President Vladimir Putin" → "Vladimir Putin"). */
export function personNameIn(run: Token[]): { tokens: Token[]; titles: string[] } | undefined {
  // The name is the run's tail after its last title or institution word ("Retired Air Force General
  // Laura Cole", "Kazakh President Kassym-Jomart Tokayev"); a run ending in such a word has its name first.
  let lastNon = -1;
  for (let k = 0; k < run.length; k++) if (isNonName(run[k]?.text ?? "")) lastNon = k;
  let start: number;
  let i: number;
  if (lastNon >= 0 && lastNon < run.length - 1) {
    start = lastNon + 1;
    i = run.length;
  } else {
    i = 0;
    while (i < run.length && isNonName(run[i]?.text ?? "")) i++;
    start = i;
    while (i < run.length && !isNonName(run[i]?.text ?? "")) i++;
  }
  const titles = run.slice(0, start).map((t) => lower(t.text));
  let name = run.slice(start, i);
  // "Treasury Undersecretary Brian Nelson" with an unknown title word: a name has two or three parts.
  if (name.length > 3 && lastNon < 0) name = name.slice(name.length - 2);
  if (name.length === 0 || name.length > 3) return undefined;
  if (name.some((t) => /['’]s$/u.test(t.text))) return undefined;
  return { tokens: name, titles };
}

// After a Russian preposition a capitalised word is a place or thing ("после взрывов в Ливане").
const RU_PREPOSITION = /(?:^|[^\p{L}])(?:в|во|на|из|с|со|к|у|о|об|по|при|после|до|от|для|за|под|над|перед|между|через)\s+$/iu;

function runsIn(np: string): Token[][] {
  const out: Token[][] = [];
  NAME_RUN.lastIndex = 0;
  for (let m = NAME_RUN.exec(np); m; m = NAME_RUN.exec(np)) {
    if (/\p{Script=Cyrillic}/u.test(m[0]) && RU_PREPOSITION.test(np.slice(Math.max(0, m.index - 12), m.index))) continue;
    // A word in quotation marks inside the phrase names a thing: «Газпрома», "Хезболлы".
    if (/["«“„]/u.test(np[m.index - 1] ?? "")) continue;
    out.push(tokensOf(m[0], m.index));
  }
  return out;
}

const ADVERBS = new Set(["also", "further", "then", "again", "later", "previously", "repeatedly",
  "также", "тоже", "еще", "ещё", "вновь", "снова", "затем", "ранее", "уже", "неоднократно", "прямо", "открыто"]);
const isAdverb = (word: string) => ADVERBS.has(word) || /^\p{L}+ly$/u.test(word);
const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);

/**
 * The phrase without its trailing run of whitespace-separated adverbs ("He also stressed", "the PRC
 * metaphorically described"). Walks words back from the end once: the equivalent regex
 * /(?:\s+(?:also|…|\p{L}+ly))+\s*$/ retried at every space of "really really …", quadratic in its length.
 */
function withoutTrailingAdverbs(np: string): string {
  let end = np.length;
  while (end > 0 && isSpace(np[end - 1])) end--;
  let cut = -1;
  while (end > 0) {
    let start = end;
    while (start > 0 && !isSpace(np[start - 1])) start--;
    if (start === 0 || !isAdverb(np.slice(start, end))) break;
    end = start;
    while (end > 0 && isSpace(np[end - 1])) end--;
    cut = end;
  }
  return cut < 0 ? np : np.slice(0, cut);
}

/** Classify the phrase next to a cue. `pick` chooses the first name (after "said") or the last (before the verb). */
export function parseSpeakerPhrase(np: string, pick: "first" | "last"): SpeakerPhrase {
  if (typeof np !== "string") throw new TypeError("np must be a string");
  // Adverbs next to the verb are not part of the speaker ("He also stressed", "the PRC metaphorically described").
  const trimmed = withoutTrailingAdverbs(np).trimEnd();
  if (trimmed.trim().length === 0) return { kind: "none" };
  const words = tokensOf(trimmed);
  const lw = words.map((w) => lower(w.text));
  const edge = pick === "first" ? words[0] : words[words.length - 1];
  if (/^it\s+(?:is|was|has been)\b/iu.test(trimmed.trim())) return { kind: "impersonal", start: 0, end: 2 };
  const pron = PRONOUN.exec(trimmed);
  // "— сказала она на брифинге": a Russian pronoun right after the verb is the speaker too.
  const pronWord = edge && pron && lower(edge.text) === pron[1]?.toLowerCase() ? edge : /^(?:он|она)$/u.test(lw[0] ?? "") ? words[0] : undefined;
  if (pronWord) {
    const gender = PRONOUN_GENDER[lower(pronWord.text)];
    return { kind: "pronoun", ...(gender ? { gender } : {}), start: pronWord.start, end: pronWord.end };
  }
  if (lw[0] === "a" || lw[0] === "an" || lw.some((w) => PLURAL_SOURCES.has(w))) return { kind: "none" };

  // A bare acronym ("CNN", "CCTV") is an organisation or outlet; the registry decides which.
  if (words.length === 1 && /^\p{Lu}{2,}$/u.test(words[0]?.text ?? "")) return { kind: "name", name: words[0]?.text ?? "", type: "ORGANISATION", start: words[0]?.start ?? 0, end: words[0]?.end ?? 0 };
  const runs = runsIn(trimmed);
  const ordered = pick === "first" ? runs : [...runs].reverse();
  // "the American edition of Politico", "the British newspaper Financial Times"
  if (lw.some((w) => OUTLET_HEADS.has(w))) {
    const run = ordered.find((r) => r.some((t) => !isNonName(t.text) || /^\p{Lu}{2,}$/u.test(t.text)));
    if (run && run.length > 0) {
      const s = run[0]?.start ?? 0;
      const e = run[run.length - 1]?.end ?? 0;
      return { kind: "name", name: trimmed.slice(s, e), type: "OUTLET", start: s, end: e };
    }
  }
  // "the secretariat of the Deputy Chairman …", "the Ministry of Defense of the PRC"
  const headIdx = lw[0] === "the" ? 1 : 0;
  const head = words[headIdx];
  if (head && ORG_HEADS.has(lw[headIdx] ?? "")) {
    const end = trimmed.indexOf(",", head.start);
    const e = end < 0 ? trimmed.length : end;
    const name = trimmed.slice(head.start, e).trim();
    return { kind: "name", name: name.charAt(0).toUpperCase() + name.slice(1), type: "ORGANISATION", start: head.start, end: head.start + name.length };
  }
  for (const run of ordered) {
    const person = personNameIn(run);
    if (!person) continue;
    const s = person.tokens[0]?.start ?? 0;
    const e = person.tokens[person.tokens.length - 1]?.end ?? 0;
    return { kind: "name", name: trimmed.slice(s, e), type: "PERSON", start: s, end: e };
  }
  // "the secretary of the Security Council", "спикер Госдумы": a role noun heads the phrase.
  const firstContent = lw.findIndex((w) => !DETERMINERS.has(w));
  const headWord = words[firstContent];
  if (headWord && isRoleWord(headWord.text)) return rolePhrase(trimmed, words, lw, headWord);
  for (const run of ordered) {
    if (run.some((t) => ORG_HEADS.has(lower(t.text)))) {
      // "The Chinese Foreign Ministry" → "Chinese Foreign Ministry": the article is not part of the name.
      const s = (lower(run[0]?.text ?? "") === "the" ? run[1] : run[0])?.start ?? 0;
      const e = run[run.length - 1]?.end ?? 0;
      return { kind: "name", name: trimmed.slice(s, e), type: "ORGANISATION", start: s, end: e };
    }
  }
  const roleWord = words.find((w) => isRoleWord(w.text));
  return roleWord ? rolePhrase(trimmed, words, lw, roleWord) : { kind: "none" };
}

const DETERMINERS = new Set(["the", "its", "his", "her", "their", "our", "this", "that", "former", "then"]);

function rolePhrase(trimmed: string, words: Token[], lw: string[], head: Token): SpeakerPhrase {
  const nations = new Set(words.map((w) => nationOf(w.text)).filter((t): t is string => t !== undefined));
  const content = words.filter((w, k) => !DETERMINERS.has(lw[k] ?? "") && !NATION_TAGS.has(lw[k] ?? "") && !["of", "the", "and"].includes(lw[k] ?? ""));
  const gender = genderOfWords(lw);
  // "the head of state" is one role, not "head" + "state".
  const joined = lw.join(" ");
  const multi = [...ROLE_NOUNS.keys()].find((k) => k.includes(" ") && joined.includes(k));
  const s = Math.max(0, trimmed.toLowerCase().lastIndexOf("the ", head.start));
  return { kind: "role", role: lower(head.text), text: trimmed.slice(Math.max(0, s)), words: multi ? [multi] : content.map((w) => roleKey(w.text)), ...(gender ? { gender } : {}), nations, start: s, end: trimmed.length };
}
