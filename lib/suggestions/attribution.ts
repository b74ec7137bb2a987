// Finding the cue (reporting verb or "according to") and the speaker phrase around a quotation.
import { REPORTING_VERBS } from "./lexicon";

export interface Attribution {
  /** The reporting verb or "according to"; absent for 'Putin put it in such a formula: "…"'. */
  cue?: { start: number; end: number };
  /** The phrase holding the speaker, and its offset in the text. */
  np: string;
  npStart: number;
  /** Which name to take from the phrase: after a verb the first, before it the last. */
  pick: "first" | "last";
}

const VERB_ALT = REPORTING_VERBS.map((v) => v.replace(/ /g, "\\s+")).join("|");
// Case-sensitive on purpose: "States" in "the United States" is not the verb "states".
const AFTER_VERB_FIRST = new RegExp(`^(${VERB_ALT})\\s+(.+)$`, "u");
const AFTER_NP_FIRST = new RegExp(`^(.{1,120}?)\\s+(?:also\\s+)?(${VERB_ALT})\\b`, "u");
const VERB_ANY = new RegExp(`\\b(?:${VERB_ALT})\\b|\\b[Aa]ccording to\\b`, "gu");

/** End of the clause after a closing mark: sentence punctuation, a new quote or the line end. */
function clauseAfter(text: string, from: number): string {
  const rest = text.slice(from, from + 200);
  const stop = /(?<!\b(?:U\.S|Mr|Dr|St|\p{Lu}))[.!?;](?=\s|$)|["“«„\n]/u.exec(rest);
  return stop ? rest.slice(0, stop.index) : rest;
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
    const np = first[2].split(",")[0] ?? "";
    const npStart = base + first[1].length + (clause.slice(first[1].length).length - clause.slice(first[1].length).trimStart().length);
    return { cue: { start: base, end: base + first[1].length }, np, npStart, pick: "first" };
  }
  const second = AFTER_NP_FIRST.exec(clause);
  if (second?.[1] && second[2] && second[1].split(/\s+/u).length <= 14) {
    const verbAt = clause.toLowerCase().lastIndexOf(second[2].toLowerCase(), second[0].length);
    return { cue: { start: base + verbAt, end: base + verbAt + second[2].length }, np: second[1], npStart: base, pick: "last" };
  }
  return undefined;
}

/**
 * Attribution before the quote inside its sentence: 'Peskov said: "…"', 'noted that "…"', 'According to him, "…"'.
 * Returns the last cue before the mark; with no cue but a colon, the sentence subject without a cue.
 */
export function attributionBefore(text: string, sentenceStart: number, outerStart: number): Attribution | undefined {
  if (sentenceStart > outerStart) throw new RangeError("sentenceStart after the quote");
  const prefix = text.slice(sentenceStart, outerStart);
  let last: RegExpExecArray | undefined;
  VERB_ANY.lastIndex = 0;
  for (let m = VERB_ANY.exec(prefix); m; m = VERB_ANY.exec(prefix)) last = m;
  if (last) {
    const cueStart = sentenceStart + last.index;
    const cueEnd = cueStart + last[0].length;
    if (/^according to$/iu.test(last[0])) {
      const after = prefix.slice(last.index + last[0].length);
      const np = after.split(",")[0] ?? "";
      const npStart = cueEnd + (np.length - np.trimStart().length);
      return { cue: { start: cueStart, end: cueEnd }, np: np.trim(), npStart, pick: "first" };
    }
    const head = prefix.slice(0, last.index);
    const cut = Math.max(head.lastIndexOf(","), head.lastIndexOf(";"), head.lastIndexOf(":"));
    const np = head.slice(cut + 1);
    const lead = np.length - np.trimStart().length;
    return { cue: { start: cueStart, end: cueEnd }, np: np.trim(), npStart: sentenceStart + cut + 1 + lead, pick: "last" };
  }
  if (/:\s*$/u.test(prefix)) {
    const lead = prefix.length - prefix.trimStart().length;
    return { np: prefix.trim().replace(/:$/u, ""), npStart: sentenceStart + lead, pick: "first" };
  }
  return undefined;
}
