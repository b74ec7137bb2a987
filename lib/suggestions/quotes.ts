// Quote suggester: direct quotes from paired quotation marks, indirect speech from reporting-verb
// patterns, each with its cue and resolved speaker. A quote split by its attribution
// ('"…," he said. "…"') yields two QUOTE suggestions sharing speaker and cue (rule
// "quote.split-shared"), so every suggestion stays one contiguous span of quoted words.
import { attributionAfter, attributionBefore, CueIndex, type Attribution } from "./attribution";
import type { EntityIndex } from "./entities";
import { REPORTING_VERBS } from "./lexicon";
import { genderOfRussianVerb } from "./lexicon-ru";
import { translitKey } from "./names";
import { findQuotedSpans } from "./quote-marks";
import { attributionAfterColon, splitInterjections, type Quoted } from "./quote-conventions";
import { parseSpeakerPhrase, SpeakerResolver, type ResolvedSpeaker } from "./speakers";
import { unitBefore, type LineSpan, type Unit } from "./text-units";
import type { ProposedEntity, QuoteForm } from "./types";

export interface QuoteHit {
  rule: string;
  form: QuoteForm;
  start: number;
  end: number;
  cue?: { start: number; end: number };
  speakerMention?: { start: number; end: number };
  speaker?: ResolvedSpeaker;
}

interface Pending {
  hit: QuoteHit;
  attr?: Attribution;
  /** Position used to order speaker resolution (the phrase naming the speaker). */
  pos: number;
  line: number;
  /** Unattributed and too short to stand alone: kept only if it shares a neighbour's attribution. */
  weak?: boolean;
}

const VERB_ALT = REPORTING_VERBS.map((v) => v.replace(/ /g, "\\s+")).join("|");
const THAT_CLAUSE = new RegExp(`\\b(${VERB_ALT})((?:\\s+[\\p{L}'’-]+){0,3}?)\\s+that\\b,?\\s*`, "gu");
const ACCORDING = /\baccording to ([^,.;"“”«»]{2,80}),\s*/giu;
const TRAILING = /,\s+((?:the\s+)?[^,"“”«».]{1,60}?)\s+(said|says|say|noted|added|stressed|believes|reported|reports|writes)\.?\s*$/u;
const TITLE_BEFORE = /\b(?:entitled|titled|headlined|called|named|so-called|dubbed|slogan|concept of(?: the| a)?)\s*$/iu;
// The author's own voice or an infinitive ("It should be noted that", "it will not be an exaggeration to say that").
const AUTHOR_VOICE = /^(?:it\s+(?:should|must|can|could|may|might|would|will)\b|i\b|we\b)|\bto$/iu;

function words(s: string): number {
  return s.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function findQuotes(
  text: string,
  lines: readonly LineSpan[],
  sentences: readonly Unit[],
  registry: EntityIndex,
): { hits: QuoteHit[]; proposed: ProposedEntity[] } {
  if (typeof text !== "string" || !Array.isArray(lines) || !Array.isArray(sentences)) throw new TypeError("findQuotes: bad input");
  const quoted = splitInterjections(text, findQuotedSpans(text, lines));
  const insideQuote = (pos: number): boolean => {
    let lo = 0;
    let hi = quoted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = quoted[mid];
      if (!q) break;
      if (pos < q.outerStart) hi = mid - 1;
      else if (pos >= q.outerEnd) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const resolver = new SpeakerResolver(text, registry, insideQuote);
  const pending: Pending[] = [];

  const cues = new CueIndex(text);
  for (const q of quoted) pushDirect(text, q, lines, sentences, cues, pending);
  const directRanges = pending.map((p) => p.hit);
  pushIndirect(text, sentences, lines, insideQuote, directRanges, pending);

  pending.sort((a, b) => a.pos - b.pos);
  for (const p of pending) {
    if (!p.attr) continue;
    const phrase = parseSpeakerPhrase(p.attr.np, p.attr.pick);
    const si = unitBefore(sentences, p.attr.npStart);
    const sentenceStart = sentences[si]?.start ?? p.attr.npStart;
    const cueGender = p.attr.cue ? genderOfRussianVerb(text.slice(p.attr.cue.start, p.attr.cue.end)) : undefined;
    const speaker = resolver.resolve(phrase, p.attr.npStart, sentenceStart, sentences[si - 1]?.start ?? sentenceStart, cueGender, p.attr.genitive === true);
    if (speaker) p.hit.speaker = speaker;
    if (phrase.kind !== "none") p.hit.speakerMention = { start: p.attr.npStart + phrase.start, end: p.attr.npStart + phrase.end };
  }
  shareSplitAttributions(text, pending);

  const hits = pending.filter((p) => !p.weak || p.hit.rule === "quote.split-shared").map((p) => p.hit).sort((a, b) => a.start - b.start || a.end - b.end);
  const proposed = new Map<string, ProposedEntity>();
  for (const h of hits) {
    if (!h.speaker || h.speaker.entityId) continue;
    const key = translitKey(h.speaker.name);
    if (!proposed.has(key)) proposed.set(key, { name: h.speaker.name, type: h.speaker.type });
  }
  return { hits, proposed: [...proposed.values()] };
}

function lineOf(lines: readonly LineSpan[], pos: number): number {
  return unitBefore(lines, pos);
}

/** End of [from, to) without its trailing whitespace (scanning back only over that whitespace). */
function endWithoutSpace(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/u.test(text[end - 1] ?? "")) end--;
  return end;
}

function pushDirect(text: string, q: Quoted, lines: readonly LineSpan[], sentences: readonly Unit[], cues: CueIndex, out: Pending[]): void {
  const si = unitBefore(sentences, q.outerStart);
  const sentence = si >= 0 ? sentences[si] : undefined;
  if (sentence && sentence.kind === "boilerplate" && q.outerStart < sentence.end) return;
  const line = lineOf(lines, q.outerStart);
  const lineStart = lines[line]?.start ?? 0;
  const sentStart = sentence && sentence.end > q.outerStart ? sentence.start : lineStart;
  // Only the end of the text before the quote is read: many quotes in one long sentence must not
  // each re-read it from the sentence start.
  const bareEnd = endWithoutSpace(text, sentStart, q.outerStart);
  const bareLast = bareEnd > sentStart ? (text[bareEnd - 1] ?? "") : "";
  const content = text.slice(q.contentStart, q.contentEnd);
  // The longest title word is 14 characters; 40 keep the character before it in view for \b.
  if (TITLE_BEFORE.test(text.slice(Math.max(sentStart, bareEnd - 40), bareEnd))) return;
  if (text[q.outerStart] === "«" && looksLikeName(content, bareLast)) return;
  if (q.continues) {
    // The second half of «…, — сказал он. — …»: takes the first half's attribution (shareSplitAttributions).
    out.push({ hit: { rule: "quote.unattributed", form: "direct", start: q.contentStart, end: q.contentEnd }, pos: q.outerStart, line, weak: true });
    return;
  }

  const tail = text.slice(q.contentEnd, q.outerEnd);
  const invitesAttribution = /[,?!]/u.test(tail) || /[?!]$/u.test(content) || /^\s*[,—–]/u.test(text.slice(q.outerEnd, q.outerEnd + 3));
  let attr = invitesAttribution ? attributionAfter(text, q.outerEnd) : attributionAfterColon(text, q, lineStart);
  let rule = q.explicitOpen ? "quote.direct-after" : "quote.orphan-close";
  if (!attr && q.explicitOpen) {
    attr = attributionBefore(text, sentStart, q.outerStart, cues);
    rule = attr?.cue ? "quote.direct-before" : "quote.direct-colon";
    // 'described … in an oriental way:\nthey are "…"': the cue sits in the previous sentence.
    if (!attr && si > 0) {
      const prev = sentences[si - 1];
      const prevEnd = prev ? endWithoutSpace(text, prev.start, prev.end) : -1;
      if (prev && prevEnd > prev.start && text[prevEnd - 1] === ":") {
        attr = attributionBefore(text, prev.start, prev.end, cues);
        rule = "quote.direct-before";
      }
    }
  }
  const standalone = bareLast === "" || bareLast === ":" || bareLast === "," || !q.explicitOpen;
  let weak = false;
  if (!attr) {
    // Unattributed quotation marks are usually scare quotes or names; keep only whole quoted statements,
    // or (decided later) the second half of a quote split by its attribution.
    const sentenceLike = bareLast === "" || bareLast === ":";
    if (!sentenceLike) return;
    weak = words(content) < 6 || (!/[.!?…]$/u.test(content) && bareLast !== ":");
    rule = "quote.unattributed";
  }
  out.push({
    hit: { rule, form: standalone ? "direct" : "mixed", start: q.contentStart, end: q.contentEnd, ...(attr?.cue ? { cue: attr.cue } : {}) },
    ...(attr ? { attr } : {}),
    pos: attr ? attr.npStart : q.outerStart,
    line,
    ...(weak ? { weak } : {}),
  });
}

/**
 * A short capitalised quotation inside running text is a name, not speech: "глава «Газпрома» Алексей
 * Миллер", "по «Силе Сибири — 2»", "the "Belt and Road" plan".
 */
function looksLikeName(content: string, charBefore: string): boolean {
  return /^\p{Lu}/u.test(content) && words(content) <= 3 && !/[.!?…]$/u.test(content) && /[\p{L}\p{N}]/u.test(charBefore);
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function pushIndirect(
  text: string,
  sentences: readonly Unit[],
  lines: readonly LineSpan[],
  insideQuote: (pos: number) => boolean,
  direct: readonly QuoteHit[],
  out: Pending[],
): void {
  // Direct hits are sorted by start; a moving pointer keeps the overlap test linear overall.
  const sorted = [...direct].sort((a, b) => a.start - b.start);
  let di = 0;
  const coveredByDirect = (start: number, end: number): boolean => {
    while (di < sorted.length && (sorted[di]?.end ?? 0) <= start) di++;
    let covered = 0;
    for (let k = di; k < sorted.length && (sorted[k]?.start ?? end) < end; k++) covered += overlap({ start, end }, sorted[k] as QuoteHit);
    return covered >= 0.8 * (end - start);
  };
  const push = (rule: string, cueStart: number, cueEnd: number, np: string, npStart: number, pick: "first" | "last", start: number, end: number) => {
    while (end > start && /[\s.,;:!?"”»]/u.test(text[end - 1] ?? "")) end--;
    while (start < end && /\s/u.test(text[start] ?? "")) start++;
    if (end - start < 10 || coveredByDirect(start, end)) return;
    out.push({
      hit: { rule, form: "indirect", start, end, cue: { start: cueStart, end: cueEnd } },
      attr: { cue: { start: cueStart, end: cueEnd }, np, npStart, pick },
      pos: npStart,
      line: lineOf(lines, start),
    });
  };

  for (const s of sentences) {
    if (s.kind === "boilerplate") continue;
    const body = text.slice(s.start, s.end);
    THAT_CLAUSE.lastIndex = 0;
    const that = body.includes(" that") ? THAT_CLAUSE.exec(body) : null;
    if (that?.[1] && !insideQuote(s.start + that.index)) {
      const head = body.slice(0, that.index);
      const cut = Math.max(head.lastIndexOf(","), head.lastIndexOf(";"), head.lastIndexOf(":"));
      const np = head.slice(cut + 1);
      const npTrim = np.trim();
      if (npTrim.length > 0 && !AUTHOR_VOICE.test(npTrim)) {
        const npStart = s.start + cut + 1 + (np.length - np.trimStart().length);
        const cueStart = s.start + that.index;
        push("quote.indirect-that", cueStart, cueStart + that[1].length, npTrim, npStart, "last", s.start + that.index + that[0].length, s.end);
      }
      continue;
    }
    ACCORDING.lastIndex = 0;
    const acc = body.includes("ccording") ? ACCORDING.exec(body) : null;
    if (acc?.[1] && !insideQuote(s.start + acc.index)) {
      const cueStart = s.start + acc.index;
      const npStart = cueStart + acc[0].indexOf(acc[1]);
      const contentStart = acc.index === 0 ? s.start + acc[0].length : s.start;
      if (parseSpeakerPhrase(acc[1], "first").kind !== "none")
        push("quote.indirect-according", cueStart, cueStart + "according to".length, acc[1], npStart, "first", contentStart, s.end);
      continue;
    }
    const trail = /["“”«»„]/u.test(body) ? null : TRAILING.exec(body);
    if (trail?.[1] && trail[2]) {
      const npStart = s.start + trail.index + trail[0].indexOf(trail[1]);
      const cueStart = npStart + trail[1].length + trail[0].slice(trail[0].indexOf(trail[1]) + trail[1].length).indexOf(trail[2]);
      push("quote.indirect-trailing", cueStart, cueStart + trail[2].length, trail[1], npStart, "last", s.start, s.start + trail.index);
    }
  }
}

/** Quotes without their own attribution take the adjacent quote's in the same paragraph. */
function shareSplitAttributions(text: string, pending: Pending[]): void {
  const direct = pending.filter((p) => p.hit.form !== "indirect").sort((a, b) => a.hit.start - b.hit.start);
  for (let i = 0; i < direct.length; i++) {
    const p = direct[i];
    if (!p || p.attr) continue;
    const next = direct[i + 1];
    const prev = direct[i - 1];
    // '"… Twenty. "The situation …," the secretariat reported.'
    if (next?.attr && next.line === p.line && /^[\s"“”«»„.,]*$/u.test(text.slice(p.hit.end, next.hit.start))) copy(next, p);
    // '"…," he said. "…"': the previous quote's attribution sits between the two parts.
    else if (prev?.attr && prev.line === p.line && prev.attr.npStart > prev.hit.end && p.hit.start - prev.hit.end < 160) copy(prev, p);
  }
}

function copy(from: Pending, to: Pending): void {
  to.hit.rule = "quote.split-shared";
  if (from.hit.cue) to.hit.cue = from.hit.cue;
  if (from.hit.speaker) to.hit.speaker = from.hit.speaker;
  if (from.hit.speakerMention) to.hit.speakerMention = from.hit.speakerMention;
}
