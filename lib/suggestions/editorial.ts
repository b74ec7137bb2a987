// Editorial insertions: text a republisher, translator or site added to the author's article.
// Each rule is one regular-expression pass over the text (or its lines); spans are UTF-16 here.
import { isCountry, isCountryHeadline, isMediaLead, lineNote, parentheticalNote } from "./republisher-notes";
import type { LineSpan } from "./text-units";
import type { EditorialKind } from "./types";

export interface EditorialHit {
  rule: string;
  kind: EditorialKind;
  start: number;
  end: number;
}

// A parenthetical closed by the republisher's signature: "(… — Approx. InoSMI)", "(… - approx. ed.)", "(… — Прим. ред.)".
const APPROX_TAIL = /[—–-]\s*(?:approx|прим|note|ed)\.?\s*[^()]{0,40}\)$/iu;
// A parenthetical opened as a note: "(note: …)", "(Editor's note: …)", "(Прим. пер.: …)".
const NOTE_HEAD = /^\((?:note|n\.\s?b\.|editor['’]?s note|translator['’]?s note|ed\.|прим\.[^:)]{0,12})\s*[:.—–-]/iu;
const LEGAL_PAREN = /foreign agent|undesirable organi[sz]ation|extremist|terrorist organi[sz]ation|иноагент|иностранн\p{L}+ агент/iu;
const BRACKET = /\[([^[\]\n]{1,60})\]/gu;
// Run on the lower-cased line without i/u flags (much faster in V8 over long documents).
const TRANSLATION = /this is (?:a |an )?(?:machine|automatic|automated) translation|machine[- ]translated|translated (?:by|with) (?:a )?machine|translated from (?:the )?(?:original )?(?:russian|chinese|ukrainian|belarusian)|машинный перевод/;
const FOOTNOTE_LINE = /^\*+\s*\S/u;
const WORD_BEFORE_STAR = /(?:^|[^*\p{L}])(\p{Lu}[\p{L}\p{N}'’.-]*)$/u;
// Matched from the verb phrase; the sentence start is found by looking back (a leading lazy [^.]* would be quadratic).
const DISCLAIMER = /\b(?:do(?:es)?\s+not|don['’]t|may\s+not|might\s+not)\s+(?:necessarily\s+)?(?:reflect|coincide\s+with|represent|express)\s+(?:the\s+[\p{L}'’ -]{0,40}?(?:position|opinion|views?|point of view|policy)|those\s+of)\b|\b(?:views|opinions) expressed [^\n.!?]{0,80}?\bare (?:those of|solely|the (?:author|writer)['’]?s? own|(?:his|her|their) own)[^\n.!?]*/giu;
const RIGHTS = /all rights reserved|copyright holder|rights to this material belong|full or partial (?:reproduction|copying)/;
const REPRODUCTION = /reproduction.{0,80}?(?:prohibited|forbidden|only with)/;
const ORIGINAL_LINK = /^(?:original publication|original article|read the original|первоисточник|оригинал публикации|оригинал статьи)\s*:?$/iu;
// Republisher framing lines: "Translation. Region: Central Asia", "Перевод. Регион: …".
const TRANSLATION_LEAD = /^(?:translation|перевод)\.?\s+(?:region|регион|topic|тема)\s*:/iu;
// A line pointing at the disclaimer, or saying the text is republished as is.
const DISCLAIMER_POINTER = /\bdisclaimer\b[^\n]{0,60}\b(?:below|at the end|follows)|\bsee the disclaimer\b|\brepublished (?:without changes|as part of)|\bpublish(?:es)? this (?:article|text) without changes|дисклеймер[^\n]{0,40}(?:ниже|в конце)|публикуется без изменений/iu;
// "This interview has been edited for length and clarity", "shortened and edited for clarity".
const EDITED_NOTE = /\b(?:edited|condensed|shortened|abridged)\b[^.\n]{0,40}\bfor (?:length|clarity|brevity)\b|сокращен\p{L}*[^.\n]{0,20}отредактирован/iu;
// A paragraph that is one disclaimer from its first word: one span, however many sentences.
const DISCLAIMER_HEAD = /^(?:disclaimer|дисклеймер|отказ от ответственности)\s*[:.—–-]/iu;
const RU_DISCLAIMER = /не\s+(?:обязательно\s+)?(?:отражают|совпадают\s+с)\s+(?:позици\p{L}*|мнени\p{L}*|точк\p{L}*\s+зрения)\s+редакци\p{L}*/iu;
const PHOTO_LABEL = /^(?:foto|photo|фото|image|pictured)\s*:?$/iu;
const PHOTO_CREDIT = /^(?:photo|foto|фото|image source|image|source of (?:the )?(?:photo|image))\s*:\s*\S/iu;
const SLASH_CREDIT = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}\s*\/\s*[\p{Lu}\p{N}][\p{L}\p{N}'’.& -]{1,40}$/u;
const SOURCE_TAG = /\((\p{Lu}[\p{L}\p{N}&.'’ -]{1,40}),\s*(\p{Lu}[\p{L} .]{1,30})\)$/u;
const OUTLET_WORDS = /\b(?:Times|Post|News|Journal|Guardian|Telegraph|Gazette|Herald|Tribune|Agency|Press|Politico|Bloomberg|Reuters|Economist|Spiegel|Monde|Figaro|Independent|Axios|Newsweek|Observer)\b/u;
const LEAD_SENTENCE = /,\s+(?:the\s+)?((?:\p{Lu}[\p{L}\p{N}&.'’-]*)(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,3})\s+(?:reports|writes|informs|notes|says|claims)\.(?=\s|$)|(?:\b(?:writes|reports)|(?<!\p{L})(?:пишет|сообщает|отмечает))\s+(?:the\s+)?((?:\p{Lu}[\p{L}\p{N}&.'’-]*)(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,4})[.,]/u;
// A summary naming its source ("As the German newspaper Die Welt writes, …") is a lead only near the top.
const MEDIA_LEAD_LINES = 10;
const CONNECTORS = new Set(["of", "the", "and", "for", "de", "la", "on", "in"]);

function isOutletName(name: string, outlets: ReadonlySet<string>): boolean {
  return /^\p{Lu}{2,8}$/u.test(name) || outlets.has(name.toLowerCase()) || OUTLET_WORDS.test(name);
}

/** Top-level balanced parentheses inside one line. */
function parentheticals(text: string, line: LineSpan): LineSpan[] {
  const out: LineSpan[] = [];
  let depth = 0;
  let open = -1;
  for (let i = line.start; i < line.end; i++) {
    const c = text[i];
    if (c === "(") {
      if (depth === 0) open = i;
      depth++;
    } else if (c === ")" && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start: open, end: i + 1 });
    }
  }
  return out;
}

/** Walk back from an asterisked word over a capitalised name with connectors ("Center for the Study of Russia and Eurasia*"). */
function nameStartBefore(text: string, wordStart: number, lineStart: number): number {
  let start = wordStart;
  let i = wordStart;
  while (i > lineStart) {
    const m = /([\p{L}'’.-]+)\s+$/u.exec(text.slice(Math.max(lineStart, i - 40), i));
    if (!m?.[1]) break;
    const word = m[1];
    const wStart = i - m[0].length;
    if (/^\p{Lu}/u.test(word)) {
      start = wStart;
    } else if (!CONNECTORS.has(word)) break;
    i = wStart;
  }
  return start;
}

export function findEditorial(text: string, lines: readonly LineSpan[], outletNames: ReadonlySet<string>): EditorialHit[] {
  if (typeof text !== "string" || !Array.isArray(lines)) throw new TypeError("findEditorial expects text and lines");
  const hits: EditorialHit[] = [];
  const add = (rule: string, kind: EditorialKind, start: number, end: number) => hits.push({ rule, kind, start, end });
  let sawFootnote = false;

  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    if (!line) continue;
    const body = text.slice(line.start, line.end);
    const low = body.toLowerCase();

    if (body.includes("(")) for (const p of parentheticals(text, line)) {
      const inner = text.slice(p.start, p.end);
      // Translator's signatures and stage directions first: "— прим. пер.)" would pass for an outlet's "— Прим. ред.)".
      const note = parentheticalNote(inner);
      if (note) add(note.rule, note.kind, p.start, p.end);
      else if (APPROX_TAIL.test(inner)) add("editorial.approx-outlet", "editor-aside", p.start, p.end);
      else if (NOTE_HEAD.test(inner)) add("editorial.note-paren", "editor-aside", p.start, p.end);
      else if (LEGAL_PAREN.test(inner)) add("editorial.legal-parenthetical", "legal-footnote", p.start, p.end);
    }

    BRACKET.lastIndex = 0;
    for (let m = body.includes("[") ? BRACKET.exec(body) : null; m; m = BRACKET.exec(body)) {
      const inside = m[1] ?? "";
      // Citation numbers and elisions are not insertions of new words.
      if (/^\s*(?:\d+|…|\.\.\.)\s*$/u.test(inside)) continue;
      add("editorial.bracket-insertion", "editor-aside", line.start + m.index, line.start + m.index + m[0].length);
    }

    const note = lineNote(low);
    if (note) add(note.rule, note.kind, line.start, line.end);
    // A whole-line disclaimer is one span; the sentence rules below would add a second, shorter one.
    if (note?.kind === "disclaimer") continue;

    if (TRANSLATION.test(low)) add("editorial.translation-notice", "translation-note", line.start, line.end);

    if (FOOTNOTE_LINE.test(body)) {
      add("editorial.asterisk-footnote", "legal-footnote", line.start, line.end);
      sawFootnote = true;
    }

    if (TRANSLATION_LEAD.test(body)) add("editorial.translation-lead", "republisher-lead", line.start, line.end);
    else if (body.length <= 300 && DISCLAIMER_POINTER.test(body)) add("editorial.disclaimer-pointer", "disclaimer", line.start, line.end);
    if (body.length <= 300 && EDITED_NOTE.test(body)) add("editorial.edited-note", "editor-aside", line.start, line.end);
    if (DISCLAIMER_HEAD.test(body) || (body.length <= 600 && RU_DISCLAIMER.test(body))) {
      add("editorial.disclaimer", "disclaimer", line.start, line.end);
      continue;
    }

    DISCLAIMER.lastIndex = 0;
    const mayDisclaim = low.includes(" not ") || low.includes("n't ") || low.includes("expressed");
    // The sentence start is the last ". " / "! " / "? " before each match, found by one forward
    // scan across the matches (a lastIndexOf per match re-read a long line from its end each time).
    let sentenceStart = -1;
    let scanned = 0;
    for (let m = mayDisclaim ? DISCLAIMER.exec(body) : null; m; m = DISCLAIMER.exec(body)) {
      for (; scanned <= m.index; scanned++) if (/[.!?]/.test(body[scanned] ?? "") && body[scanned + 1] === " ") sentenceStart = scanned;
      const from = sentenceStart < 0 ? 0 : sentenceStart + 2;
      add("editorial.disclaimer", "disclaimer", line.start + from, line.start + m.index + m[0].length);
    }

    const rights = body.includes("©") || RIGHTS.test(low) || (low.includes("reproduction") && REPRODUCTION.test(low));
    if (rights || ORIGINAL_LINK.test(body)) add("editorial.rights-notice", "boilerplate", line.start, line.end);
    else if (PHOTO_LABEL.test(body) || PHOTO_CREDIT.test(body) || SLASH_CREDIT.test(body))
      add("editorial.photo-credit", "boilerplate", line.start, line.end);

    // Republisher framing: "(CNN, USA)" after a headline, "CNN: headline", "…, CNN reports." leads.
    const unpunctuated = !/[.!?]$/.test(body);
    const tag = body.endsWith(")") ? SOURCE_TAG.exec(body) : null;
    if (tag && unpunctuated && (isOutletName(tag[1] ?? "", outletNames) || isCountry(tag[2] ?? "")))
      add("editorial.source-tag", "republisher-lead", line.start + tag.index, line.end);
    const head = /^([^:\n]{2,40}):\s+\p{L}/u.exec(body);
    // "Bloomberg: payments …" may go on in lower case; after a bare acronym ("ПВО: мысли вслух") that is a rubric.
    const acronym = /^\p{Lu}{2,8}$/u.test(head?.[1] ?? "") && !outletNames.has((head?.[1] ?? "").toLowerCase());
    const headOk = head !== null && (!acronym || /:\s+\p{Lu}/u.test(body));
    if (head && headOk && unpunctuated && isOutletName(head[1] ?? "", outletNames))
      add("editorial.outlet-headline", "republisher-lead", line.start, line.end);
    else if (unpunctuated && body.includes("(") && isCountryHeadline(body)) add("editorial.outlet-headline", "republisher-lead", line.start, line.end);
    const lead = /reports|writes|informs|notes|says|claims|пишет|сообщает|отмечает/.test(low) ? LEAD_SENTENCE.exec(body) : null;
    const outlet = lead?.[1] ?? lead?.[2];
    if (lead && outlet && isOutletName(outlet, outletNames)) {
      // An InoSMI-style lead is a short paragraph whose first sentence names the source.
      const firstSentenceEnd = /[.!?](?=\s|$)/u.exec(body)?.index ?? body.length;
      const sentences = body.split(/[.!?]\s+(?=\p{Lu})/u).length;
      if (lead.index <= firstSentenceEnd && sentences <= 4) add("editorial.outlet-lead", "republisher-lead", line.start, line.end);
      else {
        const sStart = Math.max(body.lastIndexOf(". ", lead.index) + 2, 0);
        add("editorial.outlet-lead", "republisher-lead", line.start + sStart, line.start + lead.index + lead[0].length);
      }
    } else if (li < MEDIA_LEAD_LINES && body.length <= 600 && body.split(/[.!?]\s+(?=\p{Lu})/u).length <= 3 && isMediaLead(body))
      add("editorial.media-lead", "republisher-lead", line.start, line.end);
  }

  // Asterisked names mark the legal footnote ("Meduza*"); only trusted when a footnote exists.
  if (sawFootnote) {
    // Jump from "*" to "*" and look back at the word, instead of trying a name regex at every capital.
    // The line start moves forward with the stars (a lastIndexOf per star re-read a long line).
    let lineStart = 0;
    let scanned = 0;
    for (let star = text.indexOf("*"); star >= 0; star = text.indexOf("*", star + 1)) {
      if (text[star + 1] === "*" || text[star - 1] === "*") continue;
      const word = WORD_BEFORE_STAR.exec(text.slice(Math.max(0, star - 60), star));
      if (!word?.[1]) continue;
      const wordStart = star - word[1].length;
      for (; scanned < star; scanned++) if (text.charCodeAt(scanned) === 10) lineStart = scanned + 1;
      add("editorial.asterisk-name", "legal-footnote", nameStartBefore(text, wordStart, lineStart), star + 1);
    }
  }

  return dedupe(hits);
}

function dedupe(hits: EditorialHit[]): EditorialHit[] {
  const seen = new Set<string>();
  return hits
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((h) => {
      const key = `${h.start}:${h.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
