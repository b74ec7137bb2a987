// Who is speaking: parsing the noun phrase next to a cue, tracking person mentions with their titles,
// and resolving pronouns and role nouns. Coreference rules (deliberately simple):
//  - "he"/"she"/"him"/"her" → the first PERSON named earlier in the same sentence, else in the previous sentence;
//    else the most recent resolved PERSON speaker (speakers outrank mere mentions); else the last PERSON mention.
//  - a role noun ("the interlocutor", "the Russian leader") → the most recent speaker, else mention, whose titles
//    fit the role (ROLE_NOUNS) and nationality; else the most recent speaker; else the most recent mention.
//  - an impersonal passive ("It is noted that") → the most recent speaker within the preceding 600 characters.
//  - names inside quotation marks are not antecedents (they are the quoted person's words).
import { EntityIndex } from "./entities";
import { NATION_TAGS, NON_NAME_WORDS, ORG_HEADS, OUTLET_HEADS, PLURAL_SOURCES, ROLE_NOUNS, TITLE_WORDS } from "./lexicon";
import { translitKey } from "./names";
import type { EntityType } from "./types";

export type SpeakerPhrase =
  | { kind: "name"; name: string; type: EntityType; start: number; end: number }
  | { kind: "pronoun"; start: number; end: number }
  | { kind: "role"; role: string; nations: ReadonlySet<string>; start: number; end: number }
  | { kind: "impersonal"; start: number; end: number }
  | { kind: "none" };

const NAME_RUN = /\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*)*/gu;
const PRONOUN = /\b(he|she|him|her)\b/iu;

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokensOf(s: string, offset = 0): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}'’.-]+/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

const lower = (t: string) => t.toLowerCase().replace(/[’]/g, "'");
const isTitle = (t: string) => TITLE_WORDS.has(lower(t)) || NATION_TAGS.has(lower(t));
const isNonName = (t: string) => NON_NAME_WORDS.has(lower(t)) || isTitle(t) || /^\p{Lu}{2,}$/u.test(t);

/** The person-name part of a capitalised run ("Russian President Vladimir Putin" → "Vladimir Putin"). */
export function personNameIn(run: Token[]): { tokens: Token[]; titles: string[] } | undefined {
  let i = 0;
  while (i < run.length && isNonName(run[i]?.text ?? "")) i++;
  const titles = run.slice(0, i).map((t) => lower(t.text));
  const start = i;
  while (i < run.length && !isNonName(run[i]?.text ?? "")) i++;
  const name = run.slice(start, i);
  if (name.length === 0 || name.length > 3) return undefined;
  if (name.some((t) => /['’]s$/u.test(t.text))) return undefined;
  return { tokens: name, titles };
}

function runsIn(np: string): Token[][] {
  const out: Token[][] = [];
  NAME_RUN.lastIndex = 0;
  for (let m = NAME_RUN.exec(np); m; m = NAME_RUN.exec(np)) out.push(tokensOf(m[0], m.index));
  return out;
}

const ADVERBS = new Set(["also", "further", "then", "again", "later", "previously", "repeatedly"]);
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
  if (edge && pron && lower(edge.text) === pron[1]?.toLowerCase()) return { kind: "pronoun", start: edge.start, end: edge.end };
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
  for (const run of ordered) {
    if (run.some((t) => ORG_HEADS.has(lower(t.text)))) {
      // "The Chinese Foreign Ministry" → "Chinese Foreign Ministry": the article is not part of the name.
      const s = (lower(run[0]?.text ?? "") === "the" ? run[1] : run[0])?.start ?? 0;
      const e = run[run.length - 1]?.end ?? 0;
      return { kind: "name", name: trimmed.slice(s, e), type: "ORGANISATION", start: s, end: e };
    }
  }
  const lowerNp = lw.join(" ");
  for (const role of ROLE_NOUNS.keys()) {
    const at = lowerNp.indexOf(role);
    if (at < 0 || !new RegExp(`\\b${role}\\b`, "u").test(lowerNp)) continue;
    const nations = new Set(lw.map((w) => NATION_TAGS.get(w)).filter((t): t is string => t !== undefined));
    const startTok = words.find((w) => lower(w.text) === role.split(" ")[0]);
    const s = Math.max(0, trimmed.toLowerCase().lastIndexOf("the ", startTok?.start ?? 0));
    return { kind: "role", role, nations, start: s, end: trimmed.length };
  }
  return { kind: "none" };
}

export interface PersonMention {
  pos: number;
  name: string;
}

export interface ResolvedSpeaker {
  name: string;
  type: EntityType;
  entityId?: string;
}

/** Titles and nationalities a person was introduced with, each with the first offset where the text said so. */
interface PersonInfo {
  name: string;
  titles: Map<string, number>;
  nations: Map<string, number>;
}

/**
 * Person mentions in document order (outside quotes) with the titles they were introduced with, plus the
 * running list of resolved speakers. Resolution queries must come in increasing position order.
 */
export class SpeakerResolver {
  private readonly mentions: PersonMention[] = [];
  private readonly people = new Map<string, PersonInfo>();
  private readonly speakers: Array<{ pos: number; name: string }> = [];
  /** Surname key (and first token of two-token names) → most recent full name, kept up to date while scanning. */
  private readonly bySurname = new Map<string, string>();

  constructor(
    private readonly text: string,
    private readonly registry: EntityIndex,
    insideQuote: (pos: number) => boolean,
  ) {
    NAME_RUN.lastIndex = 0;
    for (let m = NAME_RUN.exec(text); m; m = NAME_RUN.exec(text)) {
      if (insideQuote(m.index)) continue;
      const run = tokensOf(m[0], m.index);
      const person = personNameIn(run);
      if (!person) continue;
      const raw = text.slice(person.tokens[0]?.start ?? 0, person.tokens[person.tokens.length - 1]?.end ?? 0);
      const full = person.tokens.length >= 2 ? this.canonical(raw) : this.expandSurname(raw);
      if (!full) continue;
      const info = this.info(full);
      for (const t of [...person.titles, ...this.titlesBefore(m.index), ...this.appositiveAfter(m.index + m[0].length)]) {
        const nation = NATION_TAGS.get(t);
        const bag = nation ? info.nations : info.titles;
        const key = nation ?? t;
        if (!bag.has(key)) bag.set(key, m.index);
      }
      this.mentions.push({ pos: m.index, name: full });
      const parts = translitKey(full).split(" ");
      if (parts.length >= 2) {
        this.bySurname.set(parts[parts.length - 1] ?? "", full);
        if (parts.length === 2) this.bySurname.set(parts[0] ?? "", full);
      }
    }
  }

  private info(name: string): PersonInfo {
    const key = translitKey(name);
    let info = this.people.get(key);
    if (!info) {
      info = { name, titles: new Map(), nations: new Map() };
      this.people.set(key, info);
    }
    return info;
  }

  /** Registry canonical name for a full name, else the name itself. */
  private canonical(name: string): string {
    return this.registry.match(name, "PERSON")?.name ?? name;
  }

  /** "Maslov" → "Alexey Maslov" seen earlier, or a registry person; undefined when unknown. */
  private expandSurname(token: string): string | undefined {
    const reg = this.registry.match(token, "PERSON");
    if (reg) return reg.name;
    return this.bySurname.get(translitKey(token));
  }

  // Contiguous title words before a name ("official representative of the Ministry of Defense of … China Tan Kefei").
  private titlesBefore(pos: number): string[] {
    const window = this.text.slice(Math.max(0, pos - 160), pos);
    const words = window.split(/[\s]+/u).filter((w) => w.length > 0);
    const out: string[] = [];
    for (let i = words.length - 1, n = 0; i >= 0 && n < 16; i--, n++) {
      const w = lower((words[i] ?? "").replace(/[,:]$/u, ""));
      if (/[.;!?\n]/u.test(words[i] ?? "")) break;
      if (TITLE_WORDS.has(w) || NATION_TAGS.has(w)) out.push(w);
      else if (!(NON_NAME_WORDS.has(w) || w === "of" || w === "the" || w === "people's")) break;
    }
    return out;
  }

  // ", Director of the Institute of Asian and African Countries at …" after a name.
  private appositiveAfter(pos: number): string[] {
    const m = /^,\s+((?:a |an |the )?[^.;\n"“”]{0,160})/u.exec(this.text.slice(pos, pos + 170));
    if (!m?.[1]) return [];
    const words = m[1].split(/[\s,]+/u).map(lower);
    const firstContent = words.find((w) => !["a", "an", "the", "former"].includes(w)) ?? "";
    if (!TITLE_WORDS.has(firstContent)) return [];
    return words.filter((w) => TITLE_WORDS.has(w) || NATION_TAGS.has(w) || ROLE_NOUNS.has(w) || /^(?:institute|university|center|centre|department|faculty)$/u.test(w));
  }

  private lastMentionBefore(pos: number): number {
    let lo = 0;
    let hi = this.mentions.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.mentions[mid]?.pos ?? 0) < pos) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  // Only what the text said before `pos` counts: a later "said Chinese leader X" must not rename X earlier.
  private fitsRole(name: string, role: string, nations: ReadonlySet<string>, pos: number): boolean {
    const info = this.people.get(translitKey(name));
    if (!info) return false;
    const compatible = ROLE_NOUNS.get(role) ?? [];
    if (!compatible.some((t) => (info.titles.get(t) ?? Infinity) < pos)) return false;
    for (const n of nations) if (!((info.nations.get(n) ?? Infinity) < pos)) return false;
    return true;
  }

  private firstMentionFrom(start: number, before: number): PersonMention | undefined {
    const i = this.lastMentionBefore(start) + 1;
    const m = this.mentions[i];
    return m && m.pos >= start && m.pos < before ? m : undefined;
  }

  private finish(name: string, type: EntityType, pos: number): ResolvedSpeaker {
    // Organisations and outlets are told apart by the registry, so match them by name alone.
    const reg = this.registry.match(name, type === "PERSON" ? "PERSON" : undefined);
    const resolved: ResolvedSpeaker = reg ? { name: reg.name, type: reg.type, entityId: reg.id } : { name, type };
    if (resolved.type === "PERSON") this.speakers.push({ pos, name: resolved.name });
    return resolved;
  }

  /** Resolve a parsed phrase found at `pos`; registers the result as the latest speaker. */
  resolve(phrase: SpeakerPhrase, pos: number, sentenceStart = pos, prevSentenceStart = sentenceStart): ResolvedSpeaker | undefined {
    const lastSpeaker = this.speakers[this.speakers.length - 1];
    const mi = this.lastMentionBefore(pos);
    const lastMention = mi >= 0 ? this.mentions[mi] : undefined;
    switch (phrase.kind) {
      case "name": {
        if (phrase.type !== "PERSON") return this.finish(phrase.name, phrase.type, pos);
        const full = phrase.name.includes(" ") ? this.canonical(phrase.name) : (this.expandSurname(phrase.name) ?? phrase.name);
        return this.finish(full, "PERSON", pos);
      }
      case "pronoun": {
        // "Putin gave a press conference, at which he noted …": the first person named in this sentence,
        // else in the previous one ("Wang Yi conveyed greetings … He also assured that …"), binds "he".
        const local = this.firstMentionFrom(sentenceStart, pos) ?? this.firstMentionFrom(prevSentenceStart, sentenceStart);
        const name = local?.name ?? lastSpeaker?.name ?? lastMention?.name;
        return name ? this.finish(name, "PERSON", pos) : undefined;
      }
      case "impersonal":
        return lastSpeaker && pos - lastSpeaker.pos < 600 ? this.finish(lastSpeaker.name, "PERSON", pos) : undefined;
      case "role": {
        for (let i = this.speakers.length - 1; i >= 0 && i >= this.speakers.length - 200; i--) {
          const s = this.speakers[i];
          if (s && this.fitsRole(s.name, phrase.role, phrase.nations, pos)) return this.finish(s.name, "PERSON", pos);
        }
        for (let i = mi; i >= 0 && i > mi - 400; i--) {
          const m = this.mentions[i];
          if (m && this.fitsRole(m.name, phrase.role, phrase.nations, pos)) return this.finish(m.name, "PERSON", pos);
        }
        const name = lastSpeaker?.name ?? lastMention?.name;
        return name ? this.finish(name, "PERSON", pos) : undefined;
      }
      default:
        return undefined;
    }
  }
}
