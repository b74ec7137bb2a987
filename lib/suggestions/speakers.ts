// Who is speaking: tracking person mentions with what they were introduced as, and resolving
// pronouns and role nouns to them. Coreference rules (deliberately simple, bounded look-back):
//  - "he"/"she"/"он"/"она" → the first person of that gender named earlier in the same sentence, else the
//    previous sentence's speaker, else the first fitting person named there; else the most recent fitting
//    speaker, else mention. Gender comes from given names, Russian name endings, titles ("spokeswoman") and
//    Russian verb forms ("заявила").
//  - a role noun ("the spokesman", "the central banker", "дипломат") → the title of a registry alias
//    ("Kremlin spokesman"), else the speaker or mention whose introduction ("Defence Ministry spokesman
//    Ivan Petrov", "the head of the Russian central bank, Elvira Nabiullina") shares the most role words,
//    with fitting nationality and gender, most recent first; else the most recent fitting speaker.
//  - an impersonal passive ("It is noted that") → the most recent speaker within the preceding 600 characters.
//  - names inside quotation marks are not antecedents (they are the quoted person's words).
import { EntityIndex } from "./entities";
import { translitKey } from "./names";
import { genderOfName, genderOfWords, isRoleWord, roleKey, roleScore, type Gender } from "./person-traits";
import { ruStem } from "./lexicon-ru";
import { isNonName, isTitle, lower, NAME_RUN, nationOf, personNameIn, tokensOf, type SpeakerPhrase } from "./speaker-phrase";
import type { EntityType } from "./types";

export { parseSpeakerPhrase, personNameIn, type SpeakerPhrase } from "./speaker-phrase";

export interface PersonMention {
  pos: number;
  name: string;
}

export interface ResolvedSpeaker {
  name: string;
  type: EntityType;
  entityId?: string;
}

/** What the text said about a person, each with the first offset where it said so. */
interface PersonInfo {
  name: string;
  /** Words of the introductions (titles, the words before the name, an appositive), as role keys. */
  intro: Map<string, number>;
  nations: Map<string, number>;
  gender?: Gender;
}

/** Russian oblique forms of a name back to the nominative ("Вячеславом Володиным" → "Вячеслав Володин"). */
export function nominative(name: string, genitive = false): string {
  if (!/\p{Script=Cyrillic}/u.test(name)) return name;
  // After "по словам" a name is genitive: "Максима Петроневича" → "Максим Петроневич", "Андрея" → "Андрей".
  if (genitive)
    return name
      .split(" ")
      .map((t) => (t.length <= 3 ? t : t.replace(/ея$/u, "ей").replace(/ии$/u, "ия").replace(/ой$/u, "а").replace(/([бвгджзклмнпрстфхцчшщ])а$/u, "$1")))
      .join(" ");
  return name
    .split(" ")
    .map((t) => {
      if (t.length <= 4) return t;
      if (/ией$/u.test(t)) return t.replace(/ией$/u, "ия");
      if (/(?:ой)$/u.test(t)) return t.replace(/ой$/u, "а");
      if (/[еи]ем$/u.test(t)) return t.replace(/ем$/u, "й");
      if (/(?:ом|ым|им)$/u.test(t)) return t.slice(0, -2);
      return t;
    })
    .join(" ");
}

const CHAIN_CONNECTORS = new Set(["of", "the", "for", "at", "on", "people's", "иностранных", "дел", "по"]);
const MAX_SPEAKERS_BACK = 50;
// Bounds the work of one role query however often a person is introduced.
const MAX_INTRO_WORDS = 48;
const MAX_MENTIONS_BACK = 200;

/**
 * Person mentions in document order (outside quotes) with what they were introduced as, plus the
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
      const nameEnd = person.tokens[person.tokens.length - 1]?.end ?? 0;
      const raw = nominative(text.slice(person.tokens[0]?.start ?? 0, nameEnd));
      const full = person.tokens.length >= 2 ? this.canonical(raw) : this.expandSurname(raw);
      if (!full) continue;
      const info = this.info(full);
      const words = [...person.titles, ...this.wordsBefore(m.index), ...this.appositiveAfter(nameEnd)];
      for (const t of words) {
        const nation = nationOf(t);
        if (nation && !info.nations.has(nation)) info.nations.set(nation, m.index);
        const key = roleKey(t);
        if (!info.intro.has(key) && info.intro.size < MAX_INTRO_WORDS) info.intro.set(key, m.index);
      }
      info.gender ??= genderOfName(full) ?? genderOfWords(words);
      this.mentions.push({ pos: m.index, name: full });
      const parts = translitKey(full).split(" ");
      if (parts.length >= 2) {
        const last = parts[parts.length - 1] ?? "";
        this.bySurname.set(last, full);
        this.bySurname.set(ruStem(last), full);
        if (parts.length === 2) this.bySurname.set(parts[0] ?? "", full);
      }
    }
  }

  private info(name: string): PersonInfo {
    const key = translitKey(name);
    let info = this.people.get(key);
    if (!info) {
      info = { name, intro: new Map(), nations: new Map() };
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
    const key = translitKey(token);
    return this.bySurname.get(key) ?? this.bySurname.get(ruStem(key));
  }

  // The title chain right before a name ("The head of the Russian central bank, Elvira Nabiullina",
  // "Rosatom's special representative for the Arctic, Vladimir Panov"): title, role, nation and institution
  // words and connectors; any other word, or a comma not right before the name, ends it.
  private wordsBefore(pos: number): string[] {
    const words = this.text.slice(Math.max(0, pos - 160), pos).split(/\s+/u).filter((w) => w.length > 0);
    const out: string[] = [];
    for (let i = words.length - 1, n = 0; i >= 0 && n < 12; i--, n++) {
      const raw = words[i] ?? "";
      if (/[.;!?"“”«»:]/u.test(raw) || (n > 0 && raw.endsWith(","))) break;
      const w = raw.replace(/,$/u, "").replace(/['’]s$/u, "");
      if (!(isNonName(w) || isRoleWord(w) || CHAIN_CONNECTORS.has(lower(w)))) break;
      out.push(lower(w));
    }
    return out;
  }

  // ", a senior fellow at the Wilson Center", ", Director of the Institute of …" after a name.
  private appositiveAfter(pos: number): string[] {
    const m = /^,\s+([^.;,\n"“”«»]{0,120})/u.exec(this.text.slice(pos, pos + 130));
    if (!m?.[1]) return [];
    const words = m[1].split(/\s+/u).filter((w) => w.length > 0).slice(0, 12);
    const firstContent = words.find((w) => !["a", "an", "the", "former"].includes(lower(w))) ?? "";
    return isTitle(firstContent) || /^\p{Ll}/u.test(firstContent) ? words.map(lower) : [];
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
  private roleFit(name: string, phrase: Extract<SpeakerPhrase, { kind: "role" }>, gender: Gender | undefined, pos: number): number {
    const info = this.people.get(translitKey(name));
    if (!info || !this.genderFits(name, gender)) return 0;
    for (const n of phrase.nations) if (!((info.nations.get(n) ?? Infinity) < pos)) return 0;
    const said = new Set<string>();
    for (const [w, at] of info.intro) if (at < pos) said.add(w);
    return roleScore(phrase.words, said);
  }

  private genderFits(name: string, gender: Gender | undefined): boolean {
    if (!gender) return true;
    const g = this.people.get(translitKey(name))?.gender ?? genderOfName(name);
    return g === undefined || g === gender;
  }

  /** The most recent speaker, else mention, before `mi` whose gender fits. */
  private recentFitting(mi: number, gender: Gender | undefined): string | undefined {
    for (let i = this.speakers.length - 1; i >= 0 && i >= this.speakers.length - MAX_SPEAKERS_BACK; i--) {
      const s = this.speakers[i];
      if (s && this.genderFits(s.name, gender)) return s.name;
    }
    for (let i = mi; i >= 0 && i > mi - MAX_MENTIONS_BACK; i--) {
      const m = this.mentions[i];
      if (m && this.genderFits(m.name, gender)) return m.name;
    }
    return undefined;
  }

  private firstFittingFrom(start: number, before: number, gender: Gender | undefined): PersonMention | undefined {
    for (let i = this.lastMentionBefore(start) + 1, n = 0; i < this.mentions.length && n < 20; i++, n++) {
      const m = this.mentions[i];
      if (!m || m.pos >= before) return undefined;
      if (m.pos >= start && this.genderFits(m.name, gender)) return m;
    }
    return undefined;
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

  /**
   * Resolve a parsed phrase found at `pos`; registers the result as the latest speaker. `cueGender` is
   * what the verb says (Russian "заявила" → f).
   */
  resolve(phrase: SpeakerPhrase, pos: number, sentenceStart = pos, prevSentenceStart = sentenceStart, cueGender?: Gender, genitive = false): ResolvedSpeaker | undefined {
    const mi = this.lastMentionBefore(pos);
    switch (phrase.kind) {
      case "name": {
        if (phrase.type !== "PERSON") return this.finish(phrase.name, phrase.type, pos);
        const name = nominative(phrase.name, genitive);
        const full = name.includes(" ") ? this.canonical(name) : (this.expandSurname(name) ?? name);
        return this.finish(full, "PERSON", pos);
      }
      case "pronoun": {
        // "Putin gave a press conference, at which he noted …": the first person named in this sentence,
        // else in the previous one ("Wang Yi conveyed greetings … He also assured that …"), binds "he" —
        // skipping people of the other gender.
        const gender = phrase.gender ?? cueGender;
        // A speaker of the previous sentence outranks other people named there ("По его словам, Путин и
        // Ван И обсудили «…». Он также подчеркнул …").
        const last = this.speakers[this.speakers.length - 1];
        const prevSpeaker = last && last.pos >= prevSentenceStart && last.pos < sentenceStart && this.genderFits(last.name, gender) ? last : undefined;
        const local = this.firstFittingFrom(sentenceStart, pos, gender) ?? prevSpeaker ?? this.firstFittingFrom(prevSentenceStart, sentenceStart, gender);
        const name = local?.name ?? this.recentFitting(mi, gender);
        return name ? this.finish(name, "PERSON", pos) : undefined;
      }
      case "impersonal": {
        const lastSpeaker = this.speakers[this.speakers.length - 1];
        return lastSpeaker && pos - lastSpeaker.pos < 600 ? this.finish(lastSpeaker.name, "PERSON", pos) : undefined;
      }
      case "role": {
        // A title kept in the registry as an alias ("Kremlin spokesman") names its holder outright.
        const alias = this.registry.matchExact(phrase.text, "PERSON");
        if (alias) return this.finish(alias.name, "PERSON", pos);
        const gender = phrase.gender ?? cueGender;
        let best: { name: string; score: number; at: number } | undefined;
        const seen = new Set<string>();
        const consider = (name: string, at: number) => {
          // Candidates are visited most recent first, so a name's first visit is its latest position.
          if (seen.has(name)) return;
          seen.add(name);
          const score = this.roleFit(name, phrase, gender, pos);
          if (score > 0 && (!best || score > best.score || (score === best.score && at > best.at))) best = { name, score, at };
        };
        for (let i = this.speakers.length - 1; i >= 0 && i >= this.speakers.length - MAX_SPEAKERS_BACK; i--) {
          const s = this.speakers[i];
          if (s) consider(s.name, s.pos);
        }
        for (let i = mi; i >= 0 && i > mi - MAX_MENTIONS_BACK; i--) {
          const m = this.mentions[i];
          if (m) consider(m.name, m.pos);
        }
        const name = best?.name ?? this.recentFitting(mi, gender);
        return name ? this.finish(name, "PERSON", pos) : undefined;
      }
      default:
        return undefined;
    }
  }
}
