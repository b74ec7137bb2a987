// Content vs boilerplate for each sentence of a scraped article. Every rule is a named
// entry in BOILERPLATE_RULES so a verdict can always be explained by the rule that fired.
// The rules err towards "content": a missed nav line costs an annotator one click, a lost
// sentence of the article cannot be annotated at all.

import { addScriptLetters } from "@/lib/text/script-letters";
import { collapseWhitespace } from "@/lib/text/whitespace";
import { endsWithTerminalPunctuation } from "./lines";

export type SegmentKind = "content" | "boilerplate";

/** One block (a line, or lines joined mid-sentence) and the texts of its sentences. */
export type BlockText = { text: string; sentences: readonly string[] };

export type Verdict = { kind: SegmentKind; rule: string | null };

type Script = "latin" | "cyrillic";

/** Everything a rule may look at for one sentence. */
export type SegmentFacts = {
  text: string;
  block: string;
  /** The sentence is the whole block (a line of its own). */
  wholeBlock: boolean;
  blockIndex: number;
  previousBlock: string | undefined;
  secondPreviousBlock: string | undefined;
  nextBlock: string | undefined;
  /** The script most of the article is written in, if one clearly dominates. */
  articleScript: Script | null;
  /** The block comes after the article's last paragraph (trailers: ads, widgets, sidebars). */
  afterLastParagraph: boolean;
  /** Whether a block after this one has exactly this text (compared lower-case). */
  occursLater: (text: string) => boolean;
};

export type BoilerplateRule = {
  name: string;
  /**
   * "block": the rule reads only block-level facts (never `text`), so it is evaluated once
   * per block rather than once per sentence, which would rescan a long block per sentence.
   */
  scope?: "block";
  matches: (facts: SegmentFacts) => boolean;
};

const LETTER = /\p{L}/u;
const TIME = /\b\d{1,2}:\d{2}\b/;
const BULLETS = /^[\s•·*▪►>|\-–—]+/u;
// One character of the trailing marks navigationKey strips; the run is scanned from the end
// (a /[…]+$/ regex would retry at every position of a long run of spaces or dots).
const TRAILING_MARK = /[\s:.!›»>]/u;

// A "paragraph" is what a trailer never contains: a long line that ends like a sentence.
const MIN_PARAGRAPH_CHARS = 100;
// Bylines appear in an article's head; later, a bare "Two Words" line is a heading.
const HEAD_BLOCKS = 10;
const MAX_SIDEBAR_HEADLINE_CHARS = 250;
// Navigation labels and counters are short; a longer line is not one, however it is padded.
const MAX_LABEL_LINE_CHARS = 200;

/** Navigation and widget labels, compared after `navigationKey`. */
export const NAVIGATION_LABELS: ReadonlySet<string> = new Set([
  "home", "menu", "search", "log in", "login", "log out", "sign in", "sign up", "sign out",
  "register", "subscribe", "unsubscribe", "share", "tweet", "print", "email", "e-mail",
  "comments", "comment", "discussion", "update", "read more", "read also", "see also",
  "related", "related articles", "related news", "more news", "latest news", "news",
  "original publication", "original article", "advertisement", "ad", "next", "previous",
  "back", "back to top", "top", "the news mentions", "tags", "contacts", "about us",
  "facebook", "twitter", "telegram", "vk", "vkontakte", "whatsapp", "youtube", "rss",
  "войти", "вход", "выйти", "регистрация", "зарегистрироваться", "подписаться", "подписка",
  "поделиться", "комментарии", "комментарий", "обсуждение", "обновить", "читать также",
  "читайте также", "читать далее", "главная", "меню", "поиск", "новости", "реклама",
  "оригинал публикации", "упоминаемые в новости", "теги", "контакты", "о нас",
  "skip to content", "skip to main content", "most read", "most popular", "trending", "popular", "newsletter",
  "самое читаемое", "самое популярное", "популярное", "сейчас читают",
]);

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|" +
  "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|" +
  "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря";
// Runs of spaces are matched by one quantifier only ("\s*(?::\s*)?", not "\s*:?\s*"), here and
// below: two adjacent quantifiers over the same spaces backtrack quadratically on a long run.
const DATELINE = new RegExp(
  `^(?:(?:published|updated|опубликовано|обновлено)\\s*(?::\\s*)?)?` +
    `(?:\\d{1,2}\\s+(?:${MONTHS})\\.?\\s+\\d{4}|(?:${MONTHS})\\.?\\s+\\d{1,2},?\\s+\\d{4})` +
    `(?:\\s*(?:г\\.|года))?(?:[,\\s]+\\d{1,2}:\\d{2})?$`,
  "iu",
);

const NAME = String.raw`\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}`;
const BYLINE_PATTERNS: readonly RegExp[] = [
  /^(?:by|автор|author|text|текст)(?:\s*:)?\s+\p{Lu}[\p{L}\s,.'’-]{1,60}$/iu,
  // "Sergey Saenko, international observer"
  new RegExp(`^${NAME},\\s+\\p{Ll}[\\p{Ll}\\s-]{2,40}$`, "u"),
  // "Alyona Zadorozhnaya, Evgeny Pozdnyakov"
  new RegExp(`^${NAME}(?:\\s*,\\s*${NAME})+$`, "u"),
  // "Column by Pavel Orlov", "Interview by Laura Mendes", "Reporting by Simon Lewis; Editing by Don Durfee"
  /^(?:column|analysis|interview|commentary|opinion|essay|report|reporting|additional reporting|writing|editing|photos?|text)\s+by\s+\p{Lu}[^\n]{0,100}$/iu,
];
const BARE_NAME = new RegExp(`^${NAME}$`, "u");

const PHOTO_CREDIT_PATTERNS: readonly RegExp[] = [
  /^(?:photo|foto|фото|image|picture|illustration|иллюстрация|снимок)(?:\s+(?:source|credit))?\s*[:|©]/iu,
  /^(?:image source|источник фото|photo credit)\b/iu,
  /^(?:photo|foto|фото)$/iu,
  // "Sergey Guneev/RIA Novosti", "AP Photo/Evan Vucci"
  /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\s*\/\s*\p{Lu}[\p{L}\p{N}\s.'’-]{1,40}$/u,
];

const COPYRIGHT =
  /©|\(c\)\s|\bcopyright\b|all rights reserved|все права защищены|the rights to this material|права на (?:этот |данный )?материал|правообладател/iu;
// "Reproduction … prohibited" on one line. As one regex ("reproduction\b.*\bprohibited") it
// would rescan the rest of the line from every "reproduction" in it.
const COPYRIGHT_PAIRS: ReadonlyArray<readonly [first: RegExp, then: RegExp]> = [
  [/reproduction\b/giu, /\b(?:prohibited|forbidden)/iu],
  [/перепечатка/giu, /запрещ/iu],
];
const LINE_END = /[\n\r\u2028\u2029]/g;

const WIDGET_PATTERNS: readonly RegExp[] = [
  /^subscribe to\b/iu,
  /^(?:подписывайтесь|подпишитесь)\b/iu,
  /^(?:follow us|join us on|share (?:this|on|via))\b/iu,
  /\bleave a comment\b/iu,
  /\b(?:log in|sign in) to (?:comment|reply)\b/iu,
  /^(?:register|sign up)\b.*\b(?:log in|sign in)$/iu,
  /^(?:оставить комментарий|чтобы оставить комментарий)/iu,
];

// A republisher's "not our view" note. Its wording varies from article to article ("…do not
// reflect the editorial board's position", "…the position of the InoSMI editorial staff", "…of
// InoSMI's editors"), so the rule asks for the denial, then a position or view, then the editors
// (either order of the last two) within one short line, instead of one fixed phrase.
const DISCLAIMER_MAX_CHARS = 400;
const VIEW = String.raw`(?:position|views?|opinions?|point of view|stance|standpoint)`;
const DISCLAIMER = new RegExp(
  [
    String.raw`\bdo(?:es)? not (?:necessarily )?(?:reflect|represent|express)\b.{0,40}?\b${VIEW}\b.{0,40}?\beditor`,
    String.raw`\bdo(?:es)? not (?:necessarily )?(?:reflect|represent|express)\b.{0,40}?\beditor\S*(?: (?:board|office|staff|team)\S*)? ${VIEW}`,
    String.raw`editorial board'?s? position|\binosmi materials contain\b|материалы иносми содержат`,
    String.raw`не (?:обязательно )?(?:отража|выража)(?:ют|ет) (?:позицию|мнение|точку зрения|взгляды)[^.]{0,40}редакци`,
    String.raw`do not (?:necessarily )?(?:reflect|represent) the (?:position|views?|opinion)s? of (?:the )?(?:[\p{L}-]+\s+){0,3}(?:editor|editorial|board|publication)`,
    String.raw`(?:views|opinions) expressed in this (?:article|column|text) are (?:solely )?those of the author`,
  ].join("|"),
  "iu",
);

function isDisclaimer(text: string): boolean {
  if (text.length > DISCLAIMER_MAX_CHARS) return false;
  return DISCLAIMER.test(text);
}

const COUNT =
  /^(?:\d[\d\s.,]*(?:views?|comments?|replies|likes?|shares?|просмотр\p{L}*|комментари\p{L}*)|(?:views?|comments?|просмотр\p{L}*|комментари\p{L}*)\s*(?::\s*)?\d[\d\s]*)$/iu;

const LABEL_LINE = /^(?:location|address|tel|phone|fax|e-?mail|адрес|тел|телефон|факс)\s*:/iu;
// Agency and tag lines: "Editor: Anna Volkova", "Источник: ТАСС", "Tags: Russia, China". Short lines only.
const AGENCY_LABEL_LINE = /^(?:editor|editors|source|tags|редактор|источник|теги|тэги)\s*:[^\n]{1,100}$/iu;
// A navigation bar, language switcher or share row: short items separated by "|" or ">".
const NAV_BAR_ITEM = /^[^|>.!?]{1,32}$/u;
const NAV_BAR_SEPARATOR = /\s[|>]\s/u;
// A "most read" item ending in its view count: "Why Europe fears the Chinese car 18 403", "… 12.4K views".
const VIEW_COUNT_ITEM = /\s(?:\d{1,3}(?:[\s ,.]\d{3})+|\d+(?:[.,]\d)?[KkКк])(?:\s*(?:views?|просмотр\p{L}*))?$|\s\d[\d\s ,.]*\s(?:views?|просмотр\p{L}*)$/u;
const COMMENT_COUNT = /^(?:comments?|комментари\p{L}*)\s*\(\d+\)$/iu;
// The author's bio after the article: "Thomas Grant is a contributing editor at The Atlantic Ledger."
const AUTHOR_BIO = /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}\s+is\s+(?:a|an|the|our)\s+[^.\n]{0,80}?\b(?:columnist|editor|correspondent|writer|reporter|contributor|journalist|fellow)\b[^\n]{0,100}$/u;
const DISCLAIMER_BLOCK = /^(?:disclaimer|дисклеймер|отказ от ответственности)\s*[:.—–-]/iu;
const CONTRIBUTED = /\bcontributed (?:to )?(?:this|the) (?:report|article|story)\b/iu;

function isNavBar(text: string): boolean {
  if (text.length > MAX_LABEL_LINE_CHARS || !NAV_BAR_SEPARATOR.test(text)) return false;
  const items = text.split(/\s[|>]\s/u).map((i) => i.trim());
  return items.length >= 2 && items.every((i) => NAV_BAR_ITEM.test(i) && i.split(/\s+/u).length <= 5);
}
const TIMESTAMPED_HEADLINE = /^[\s•·*\-–—]*\d{1,2}:\d{2}\s+\p{L}/u;

/** Lower-cased label with bullets, trailing colons/arrows and extra spaces removed. */
export function navigationKey(text: string): string {
  const label = text.replace(BULLETS, "");
  let end = label.length;
  while (end > 0 && TRAILING_MARK.test(label.charAt(end - 1))) end--;
  return collapseWhitespace(label.slice(0, end)).toLowerCase();
}

/** Whether `first` occurs and `then` follows it on the same line; each line is read once. */
function occurInOrderOnOneLine(text: string, first: RegExp, then: RegExp): boolean {
  first.lastIndex = 0;
  for (let match = first.exec(text); match !== null; match = first.exec(text)) {
    const from = match.index + match[0].length;
    LINE_END.lastIndex = from;
    const lineEnd = LINE_END.exec(text)?.index ?? text.length;
    if (then.test(text.slice(from, lineEnd))) return true;
    first.lastIndex = lineEnd;
  }
  return false;
}

function isCopyrightNotice(text: string): boolean {
  return COPYRIGHT.test(text) || COPYRIGHT_PAIRS.some(([first, then]) => occurInOrderOnOneLine(text, first, then));
}

function hasLetter(text: string): boolean {
  return LETTER.test(text);
}

/** A line with a clock time and no letters: "• 22.09 06:34". */
function isTimestampLine(text: string | undefined): boolean {
  return text !== undefined && !hasLetter(text) && TIME.test(text);
}

/**
 * The script most letters of `text` are in, when it has at least `minLetters` of them. Several
 * texts count as one (letters never span two texts), without joining them: joining a long
 * article into one string of hundreds of kilobytes cost V8 far more per character than a short one.
 */
export function dominantScript(text: string | readonly string[], minLetters: number, share: number): Script | null {
  const texts = typeof text === "string" ? [text] : text;
  const counts = { latin: 0, cyrillic: 0 };
  for (const t of texts) addScriptLetters(t, counts);
  const { latin, cyrillic } = counts;
  const total = latin + cyrillic;
  if (total < minLetters) return null;
  if (latin / total >= share) return "latin";
  if (cyrillic / total >= share) return "cyrillic";
  return null;
}

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  // "1001", "0", "• 22.09 06:34": counters and timestamps have no letters.
  { name: "no-letters", matches: (f) => !hasLetter(f.text) },
  {
    name: "navigation",
    matches: (f) => f.text.length <= MAX_LABEL_LINE_CHARS && NAVIGATION_LABELS.has(navigationKey(f.text)),
  },
  { name: "count", matches: (f) => f.text.length <= MAX_LABEL_LINE_CHARS && (COUNT.test(f.text.replace(BULLETS, "")) || COMMENT_COUNT.test(f.text)) },
  { name: "nav-bar", scope: "block", matches: (f) => isNavBar(f.block) },
  { name: "agency-label", scope: "block", matches: (f) => AGENCY_LABEL_LINE.test(f.block) || CONTRIBUTED.test(f.block) },
  {
    // View counts end "most read" items; two such lines in a row are a list, not a sentence about numbers.
    name: "view-count-list",
    scope: "block",
    matches: (f) =>
      f.block.length <= MAX_SIDEBAR_HEADLINE_CHARS &&
      !endsWithTerminalPunctuation(f.block) &&
      VIEW_COUNT_ITEM.test(f.block) &&
      [f.previousBlock, f.nextBlock].some((b) => b !== undefined && b.length <= MAX_SIDEBAR_HEADLINE_CHARS && VIEW_COUNT_ITEM.test(b)),
  },
  { name: "author-bio", scope: "block", matches: (f) => f.afterLastParagraph && AUTHOR_BIO.test(f.block) },
  // A paragraph opened as a disclaimer is one, every sentence of it.
  { name: "disclaimer-block", scope: "block", matches: (f) => DISCLAIMER_BLOCK.test(f.block) },
  { name: "photo-credit", matches: (f) => PHOTO_CREDIT_PATTERNS.some((p) => p.test(f.text)) },
  { name: "copyright", matches: (f) => isCopyrightNotice(f.text) },
  { name: "widget", matches: (f) => WIDGET_PATTERNS.some((p) => p.test(f.text)) },
  { name: "disclaimer", matches: (f) => isDisclaimer(f.text) },
  { name: "dateline", matches: (f) => f.wholeBlock && DATELINE.test(f.text) },
  { name: "label-line", scope: "block", matches: (f) => LABEL_LINE.test(f.block) },
  { name: "timestamped-headline", scope: "block", matches: (f) => TIMESTAMPED_HEADLINE.test(f.block) },
  {
    // A headline in a "latest news" list sits just before its timestamp line, or just
    // after a counter that follows the previous item's timestamp.
    name: "sidebar-headline",
    scope: "block",
    matches: (f) =>
      f.block.length <= MAX_SIDEBAR_HEADLINE_CHARS &&
      (isTimestampLine(f.nextBlock) ||
        (f.previousBlock !== undefined && !hasLetter(f.previousBlock) && isTimestampLine(f.secondPreviousBlock))),
  },
  {
    // "ПОДПИСКА НА НОВОСТИ" inside an English article: a widget from the host site.
    name: "other-script",
    matches: (f) => {
      if (f.articleScript === null) return false;
      // 0.8: a sentence that mixes in the article's own script (an English quote introduced in Russian) is article text.
      const script = dominantScript(f.text, 3, 0.8);
      return script !== null && script !== f.articleScript;
    },
  },
  {
    name: "byline",
    matches: (f) =>
      f.wholeBlock &&
      !endsWithTerminalPunctuation(f.text) &&
      (BYLINE_PATTERNS.some((p) => p.test(f.text)) || (f.blockIndex < HEAD_BLOCKS && BARE_NAME.test(f.text))),
  },
  {
    // "Allies and partners … | Latest news The Moscow Post" repeats a later heading plus
    // the site name: it is the page's <title>, not part of the article.
    name: "page-title-with-site",
    scope: "block",
    matches: (f) => {
      const bar = f.block.indexOf(" | ");
      return bar > 0 && f.occursLater(f.block.slice(0, bar).trim());
    },
  },
  {
    // After the last paragraph, unpunctuated lines are widgets, ads and link lists.
    name: "trailing-fragment",
    scope: "block",
    matches: (f) => f.afterLastParagraph && !endsWithTerminalPunctuation(f.block),
  },
];

function isParagraph(block: string, articleScript: Script | null): boolean {
  if (block.length < MIN_PARAGRAPH_CHARS || !endsWithTerminalPunctuation(block)) return false;
  const script = dominantScript(block, 3, 0.5);
  return articleScript === null || script === null || script === articleScript;
}

// Verdicts are shared, not built per sentence: an article can have a hundred thousand.
const CONTENT: Verdict = Object.freeze({ kind: "content", rule: null });
const BOILERPLATE_VERDICTS: ReadonlyMap<BoilerplateRule, Verdict> = new Map(
  BOILERPLATE_RULES.map((rule) => [rule, Object.freeze({ kind: "boilerplate", rule: rule.name })]),
);

/** The verdict for one sentence; block-scoped rules are looked up in (and fill) `blockVerdicts`. */
function verdictOf(facts: SegmentFacts, blockVerdicts: Map<BoilerplateRule, boolean>): Verdict {
  for (const rule of BOILERPLATE_RULES) {
    let matches = rule.scope === "block" ? blockVerdicts.get(rule) : undefined;
    if (matches === undefined) {
      matches = rule.matches(facts);
      if (rule.scope === "block") blockVerdicts.set(rule, matches);
    }
    if (matches) return BOILERPLATE_VERDICTS.get(rule) ?? CONTENT;
  }
  return CONTENT;
}

/** Classifies every sentence of every block; the result mirrors `blocks`. */
export function classifyBlocks(blocks: readonly BlockText[]): Verdict[][] {
  const articleScript = dominantScript(blocks.map((b) => b.text), 20, 0.6);
  let lastParagraph = -1;
  blocks.forEach((b, i) => {
    if (isParagraph(b.text, articleScript)) lastParagraph = i;
  });
  const lastIndexOf = new Map<string, number>();
  blocks.forEach((b, i) => lastIndexOf.set(b.text.toLowerCase(), i));
  return blocks.map((block, blockIndex) => {
    const blockVerdicts = new Map<BoilerplateRule, boolean>();
    const occursLater = (candidate: string) => (lastIndexOf.get(candidate.toLowerCase()) ?? -1) > blockIndex;
    const wholeBlock = block.sentences.length === 1;
    // A text without any paragraph (a short note) has no trailer to detect.
    const afterLastParagraph = lastParagraph >= 0 && blockIndex > lastParagraph;
    return block.sentences.map((text) =>
      verdictOf(
        {
          text,
          block: block.text,
          wholeBlock,
          blockIndex,
          previousBlock: blocks[blockIndex - 1]?.text,
          secondPreviousBlock: blocks[blockIndex - 2]?.text,
          nextBlock: blocks[blockIndex + 1]?.text,
          articleScript,
          afterLastParagraph,
          occursLater,
        },
        blockVerdicts,
      ),
    );
  });
}
