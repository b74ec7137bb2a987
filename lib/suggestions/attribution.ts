// Finding the cue (reporting verb or "according to") and the speaker phrase around a quotation.
import { REPORTING_VERBS } from "./lexicon";
import { RU_ACCORDING, RU_REPORTING_VERBS } from "./lexicon-ru";

export interface Attribution {
  /** The reporting verb or "according to"; absent for 'Putin put it in such a formula: "…"'. */
  cue?: { start: number; end: number };
  /** The phrase holding the speaker, and its offset in the text. */
  np: string;
  npStart: number;
  /** Which name to take from the phrase: after a verb the first, before it the last. */
  pick: "first" | "last";
  /** The phrase follows "по словам"/"по мнению": Russian names in it are genitive. */
  genitive?: boolean;
}

const VERB_ALT = [...REPORTING_VERBS, ...RU_REPORTING_VERBS].map((v) => v.replace(/ /g, "\\s+")).join("|");
// \b only knows ASCII letters; these edges also work for Cyrillic verbs.
const WB = "(?<![\\p{L}\\p{N}])";
const WE = "(?![\\p{L}\\p{N}])";
// "according to X", "in her words", "по словам эксперта", "по его словам": the speaker follows (or is the pronoun).
const ACCORDING_ALT = `[Aa]ccording to|[Ii]n (?:his|her|their) (?:own )?words|[Пп]о (?:(?:его|ее|её|их) )?(?:${RU_ACCORDING.map((c) => c.slice(3)).join("|")})`;
// Case-sensitive on purpose: "States" in "the United States" is not the verb "states".
const AFTER_VERB_FIRST = new RegExp(`^(${VERB_ALT})\\s+(.+)$`, "u");
const AFTER_NP_FIRST = new RegExp(`^(.{1,120}?)\\s+(?:also\\s+)?(${VERB_ALT})${WE}`, "u");
const VERB_ANY = new RegExp(`${WB}(?:${VERB_ALT}|${ACCORDING_ALT})${WE}`, "gu");
const ACCORDING_CUE = new RegExp(`^(?:${ACCORDING_ALT})$`, "u");
const PRONOUN_IN_CUE = /^(?:in|по)\s+(his|her|their|его|ее|её|их)\s/iu;
// A Russian speech verb: the speaker usually closes the clause after it ("— сказал Песков журналистам").
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** End of the clause after a closing mark: sentence punctuation, a new quote or the line end. */
function clauseAfter(text: string, from: number): string {
  const rest = text.slice(from, from + 200);
  const STOP = /(?<!\b(?:U\.S|Mr|Dr|St|\p{Lu}))[.!?;](?=\s|$)|["“«„\n]/gu;
  for (let m = STOP.exec(rest); m; m = STOP.exec(rest)) {
    // «Газпром» in "— заявил глава «Газпрома» Алексей Миллер" is a name, not a new quote.
    const name = m[0] === "«" ? /^«[^«».!?]{1,40}»/u.exec(rest.slice(m.index)) : null;
    if (name) {
      STOP.lastIndex = m.index + name[0].length;
      continue;
    }
    return rest.slice(0, m.index);
  }
  return rest;
}

/** Attribution after the quote: '…," Tan Kefei said.' or '…," said Kurt Volker, former …'. */
export function attributionAfter(text: string, outerEnd: number): Attribution | undefined {
  const raw = clauseAfter(text, outerEnd);
  const lead = /^[\s,—–-]*/u.exec(raw)?.[0].length ?? 0;
  const clause = raw.slice(lead);
  const base = outerEnd + lead;
  if (clause.length === 0) return undefined;
  const first = AFTER_VERB_FIRST.exec(clause);
  if (first?.[1] && first[2]) {
    // Russian puts adverbials before the subject: the speaker is the last name of the clause.
    const russian = CYRILLIC.test(first[1]);
    const np = russian ? first[2] : (first[2].split(",")[0] ?? "");
    const npStart = base + first[1].length + (clause.slice(first[1].length).length - clause.slice(first[1].length).trimStart().length);
    return { cue: { start: base, end: base + first[1].length }, np, npStart, pick: russian ? "last" : "first" };
  }
  const second = AFTER_NP_FIRST.exec(clause);
  if (second?.[1] && second[2] && second[1].split(/\s+/u).length <= 14) {
    const verbAt = clause.toLowerCase().lastIndexOf(second[2].toLowerCase(), second[0].length);
    return { cue: { start: base + verbAt, end: base + verbAt + second[2].length }, np: second[1], npStart: base, pick: "last" };
  }
  return undefined;
}

/**
 * Longest speaker phrase looked at, in characters: a phrase naming a speaker ("Official representative
 * of the Ministry of Defense of the People's Republic of China, Senior Colonel Tan Kefei") is far
 * shorter. Without the cap, many quotes in one long unpunctuated sentence re-read it each time.
 */
export const MAX_SPEAKER_PHRASE = 200;

const VERB_AT = new RegExp(VERB_ANY.source, "uy");
const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
const isAsciiLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
// Longer than every word of a cue ("emphasised", "according").
const LONGEST_CUE_WORD = 16;

/**
 * Every cue of a text, found in one pass: the last cue before each of many quotes is then a binary
 * search instead of a scan from the sentence start (quadratic on a long line full of quotes).
 */
export class CueIndex {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(private readonly text: string) {
    VERB_ANY.lastIndex = 0;
    for (let m = VERB_ANY.exec(text); m; m = VERB_ANY.exec(text)) {
      this.starts.push(m.index);
      this.ends.push(m.index + m[0].length);
    }
  }

  /**
   * The cue a left-to-right scan of text.slice(from, to) finds last, with its index in that slice.
   * Cues never overlap, and one lying strictly inside the slice reads the same characters there as
   * in the whole text; only cues touching the slice's edges (which count as word boundaries) are
   * matched again on the slice itself.
   */
  lastIn(from: number, to: number): { index: number; value: string } | undefined {
    if (from >= to) return undefined;
    let found: { index: number; value: string } | undefined;
    let lo = 0;
    let hi = this.ends.length - 1;
    let inner = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ends[mid] ?? Infinity) <= to - 1) {
        inner = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const innerStart = this.starts[inner] ?? -1;
    if (innerStart >= from + 1) found = { index: innerStart - from, value: this.text.slice(innerStart, this.ends[inner]) };
    const slice = this.text.slice(from, to);
    const tryAt = (p: number) => {
      VERB_AT.lastIndex = p - from;
      const m = VERB_AT.exec(slice);
      if (m && (!found || m.index > found.index)) found = { index: m.index, value: m[0] };
    };
    tryAt(from);
    // A cue ending at `to`: where its last word starts, and (for "points out", "according to") the word before.
    const wordStart = (end: number) => {
      let w = end;
      while (w > from && end - w <= LONGEST_CUE_WORD && isAsciiLetter(this.text[w - 1])) w--;
      return w < end && end - w <= LONGEST_CUE_WORD ? w : -1;
    };
    const last = wordStart(to);
    if (last > from) {
      tryAt(last);
      let gap = last;
      while (gap > from && isSpace(this.text[gap - 1])) gap--;
      const before = gap < last ? wordStart(gap) : -1;
      if (before > from) tryAt(before);
    }
    return found;
  }
}

function lastCue(text: string, from: number, to: number, cues?: CueIndex): { index: number; value: string } | undefined {
  if (cues) return cues.lastIn(from, to);
  const prefix = text.slice(from, to);
  let last: RegExpExecArray | undefined;
  VERB_ANY.lastIndex = 0;
  for (let m = VERB_ANY.exec(prefix); m; m = VERB_ANY.exec(prefix)) last = m;
  return last ? { index: last.index, value: last[0] } : undefined;
}

/** Start of the speaker phrase ending at `end`: after the last , ; : — at most MAX_SPEAKER_PHRASE back, from a word start. */
function phraseStart(text: string, floor: number, end: number): number {
  const limit = Math.max(floor, end - MAX_SPEAKER_PHRASE);
  for (let i = end - 1; i >= limit; i--) if (text[i] === "," || text[i] === ";" || text[i] === ":") return i + 1;
  if (limit === floor) return floor;
  let s = limit;
  while (s < end && !isSpace(text[s - 1])) s++;
  return s;
}

// The phrase before the verb is empty or a relative clause: "Tokayev, who hosted the event, said …",
// "Wang Xiaohong, for his part, said …", "Володин, в свою очередь, подчеркнул …".
const RELATIVE_OR_EMPTY = /^\s*(?:(?:who|which|whose|что|который|которая|кто)\b[^]*)?$/iu;
const ASIDE = /^\s*(?:for (?:his|her|its|their) part|in turn|however|в свою очередь|со своей стороны)\s*$/iu;

/**
 * The speaker phrase before a parenthetical aside: the comma-separated piece before `asideStart`
 * holding a name ("The Kyrgyz foreign minister, Jeenbek Kulubaev, told …"), else the sentence head.
 * Looks at most MAX_SPEAKER_PHRASE characters back.
 */
function subjectBeforeAside(text: string, sentenceStart: number, asideStart: number, cue: { start: number; end: number }): Attribution | undefined {
  const floor = Math.max(sentenceStart, asideStart - MAX_SPEAKER_PHRASE);
  let end = asideStart - 1; // the comma before the aside
  if (end <= floor || !/[,;]/u.test(text[end] ?? "")) return undefined;
  let head: Attribution | undefined;
  while (end > floor) {
    let start = end - 1;
    while (start > floor && text[start - 1] !== "," && text[start - 1] !== ";" && text[start - 1] !== ":") start--;
    const piece = text.slice(start, end);
    const trimmed = piece.trim();
    const at = start + (piece.length - piece.trimStart().length);
    if (trimmed.length > 0 && !ASIDE.test(trimmed) && !RELATIVE_OR_EMPTY.test(trimmed)) {
      head = { cue, np: trimmed, npStart: at, pick: "last" };
      if (/\p{Lu}/u.test(trimmed.slice(1))) return head;
    }
    end = start - 1;
  }
  return head;
}

/**
 * Attribution before the quote inside its sentence: 'Peskov said: "…"', 'noted that "…"', 'According to him, "…"'.
 * Returns the last cue before the mark; with no cue but a colon, the sentence subject without a cue.
 * `cues` (built once per text) makes this cost the same wherever the quote sits in a long sentence.
 */
export function attributionBefore(text: string, sentenceStart: number, outerStart: number, cues?: CueIndex): Attribution | undefined {
  if (sentenceStart > outerStart) throw new RangeError("sentenceStart after the quote");
  const last = lastCue(text, sentenceStart, outerStart, cues);
  if (last) {
    const cueStart = sentenceStart + last.index;
    const cueEnd = cueStart + last.value.length;
    const cue = { start: cueStart, end: cueEnd };
    const pronoun = PRONOUN_IN_CUE.exec(last.value);
    if (pronoun?.[1]) {
      const at = cueStart + pronoun[0].length - 1 - pronoun[1].length;
      return { cue, np: pronoun[1], npStart: at, pick: "first" };
    }
    // "according to X, …", "по словам X, …", "Как заявил X, …": the speaker follows the cue.
    const asCue = /(?:^|[^\p{L}])[Кк]ак\s+$/u.test(text.slice(Math.max(sentenceStart, cueStart - 5), cueStart));
    if (ACCORDING_CUE.test(last.value) || asCue) {
      const comma = text.indexOf(",", cueEnd);
      const np = text.slice(cueEnd, Math.min(comma < 0 ? outerStart : comma, outerStart, cueEnd + MAX_SPEAKER_PHRASE));
      const npStart = cueEnd + (np.length - np.trimStart().length);
      const russian = CYRILLIC.test(last.value);
      return { cue, np: np.trim(), npStart, pick: asCue || russian ? "last" : "first", ...(russian && !asCue ? { genitive: true } : {}) };
    }
    const from = phraseStart(text, sentenceStart, cueStart);
    const np = text.slice(from, cueStart);
    const lead = np.length - np.trimStart().length;
    if (RELATIVE_OR_EMPTY.test(np)) return subjectBeforeAside(text, sentenceStart, from, cue) ?? { cue, np: np.trim(), npStart: from + lead, pick: "last" };
    return { cue, np: np.trim(), npStart: from + lead, pick: "last" };
  }
  let end = outerStart;
  while (end > sentenceStart && isSpace(text[end - 1])) end--;
  if (end > sentenceStart && text[end - 1] === ":") {
    // The sentence subject, at most MAX_SPEAKER_PHRASE back (from a word start).
    let from = Math.max(sentenceStart, end - MAX_SPEAKER_PHRASE);
    if (from > sentenceStart) while (from < end && !isSpace(text[from - 1])) from++;
    const prefix = text.slice(from, end);
    const subject = prefix.trimStart();
    return { np: subject.slice(0, -1), npStart: from + prefix.length - subject.length, pick: "first" };
  }
  return undefined;
}
