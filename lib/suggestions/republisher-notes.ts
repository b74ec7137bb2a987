// Line-level notes a republisher, editor or translator adds around an article, in the wordings
// that are not tied to one outlet: "This article was originally published by …", "Статья впервые
// опубликована в …", "Translator's note: …", "Editor's note: …", "Перевод с английского — …",
// "Мнение автора может не совпадать с позицией редакции". Anchored at the line start and limited to
// short lines, so an article sentence that merely mentions a first publication is left alone.
import type { EditorialKind } from "./types";

export interface LineNote {
  rule: string;
  kind: EditorialKind;
}

const MEDIA_NOUN_EN = "article|column|op-?ed|opinion piece|piece|interview|essay|text|story|commentary|analysis|report|post|review|material|translation";
const MEDIA_NOUN_RU = "статья|материал|колонка|интервью|текст|публикация|заметка|эссе|комментарий|перевод|обзор";

// Run on the lower-cased line.
const REPUBLISHED = new RegExp(
  [
    `^(?:this|the)\\s+(?:${MEDIA_NOUN_EN})\\s+(?:was\\s+|has\\s+been\\s+|is\\s+)?(?:originally|first)\\s+(?:published|appeared|ran|posted|printed)\\b`,
    `^(?:originally|first)\\s+(?:published|appeared)\\s+(?:in|on|by|at)\\b`,
    `^(?:republished|reprinted|reproduced|cross-posted)\\s+(?:with\\s+(?:the\\s+)?(?:kind\\s+)?permission\\s+)?(?:from|of|by)\\b`,
    `^(?:${MEDIA_NOUN_RU})\\s+(?:был[аои]?\\s+)?впервые\\s+(?:опубликован|вышл|вышел|вышла|напечатан|появил)`,
    `^впервые\\s+(?:опубликовано|напечатано)\\s|^(?:опубликовано|напечатано)\\s+(?:в|на)\\s+(?:журнале|газете|сайте|издании|портале|блоге)`,
    `^(?:публикуется|перепечатывается|печатается|публикуем|перепечатано)\\s+с\\s+(?:любезного\\s+)?(?:разрешения|согласия)`,
  ].join("|"),
  "u",
);
// "Published here with abridgements", "Текст публикуется с небольшими сокращениями".
const ABRIDGED = /^(?:текст|статья|материал|интервью)?\s*(?:публикуется|печатается|приводится)\s+(?:с\s+(?:небольшими\s+|некоторыми\s+)?сокращениями|в\s+сокращении)|^(?:this|the)\s+(?:article|text|interview|column)\s+(?:is|has been|was)\s+(?:published\s+)?(?:abridged|shortened|in (?:an )?abridged form)/u;
// "Editor's note: …", "Update: …", "От редакции: …".
const EDITOR_NOTE_HEAD = /^(?:editor['’]?s['’]?\s+note|note\s+from\s+the\s+editors?|ed\.\s+note|update|correction|clarification|от\s+редакции|примечание\s+редакции|прим\.\s*ред\.?)\s*[:.—–-]/u;
// "Translator's note: …", "Перевод с английского — Анна Смирнова", "The following is an unofficial translation".
const TRANSLATOR_LINE = new RegExp(
  [
    "^(?:translator['’]?s\\s+notes?|note\\s+from\\s+the\\s+translator|примечание\\s+переводчика|прим\\.\\s*пер(?:ев)?\\.?)\\s*[:.—–-]",
    "^(?:translated|translation)\\s+(?:from\\s+(?:the\\s+)?\\p{L}+\\s+)?by\\s+\\p{L}",
    "^перевод\\s+(?:с|из)\\s+\\p{L}+(?:\\s+языка)?\\s*(?:[:—–.-]|$)",
    "^перевод\\s*[:—–-]\\s*\\p{L}",
    "^перевел[аи]?\\s+\\p{L}+(?:\\s+\\p{L}+)?\\.?$",
    "^(?:the\\s+following\\s+is|this\\s+is|below\\s+is)\\s+(?:an?\\s+|our\\s+)?(?:unofficial|informal|working)\\s+(?:\\p{L}+\\s+)?translation\\b|^(?:unofficial|informal)\\s+translation\\.?$|^неофициальный\\s+перевод",
    "\\b(?:quotes?|quotations?|citations?)\\b[^.\\n]{0,60}\\btranslated\\b|\\btranslated\\s+by\\s+(?:the\\s+)?(?:author|editors?|us)\\b|\\bin\\s+our\\s+translation\\b|(?<!\\p{L})в\\s+нашем\\s+переводе|(?<!\\p{L})цитаты\\s+(?:приводятся|даны)\\s+в\\s+переводе",
  ].join("|"),
  "u",
);
// "Точка зрения автора может не совпадать с позицией редакции", "Редакция может не разделять мнение собеседника".
const RU_OPINION_DISCLAIMER = /(?:мнени\p{L}*|точк\p{L}*\s+зрения|позици\p{L}*|взгляд\p{L}*)\s+(?:автор\p{L}*|собеседник\p{L}*|эксперт\p{L}*|спикер\p{L}*|колумнист\p{L}*)\s+(?:может\s+)?не\s+(?:всегда\s+|обязательно\s+)?(?:совпада\p{L}*|отража\p{L}*)|редакци\p{L}*\s+(?:может\s+)?не\s+(?:всегда\s+|обязательно\s+)?(?:разделя\p{L}*|несет\s+ответственност\p{L}*\s+за\s+мнени)/u;
// An opinion disclaimer in a wording the sentence-level rule does not know: "… are the author's own".
const EN_OPINION_DISCLAIMER = /^(?:the\s+)?(?:views|opinions)\s+(?:expressed\s+)?(?:in|here)[^.\n]{0,60}\bare\s+(?:the\s+)?(?:author['’]?s|writer['’]?s|authors['’]|his|her|their)\s+own\b|^(?:the\s+)?author\s+writes\s+in\s+(?:a|an|his|her|their)\s+(?:personal|private)\s+capacity/u;

/** The note a short line is, if any (lower-cased line in, so each pattern runs without the i flag). */
export function lineNote(low: string): LineNote | null {
  if (low.length > 300) return null;
  if (REPUBLISHED.test(low)) return { rule: "editorial.republished-note", kind: "republisher-lead" };
  if (TRANSLATOR_LINE.test(low)) return { rule: "editorial.translator-line", kind: "translation-note" };
  if (EDITOR_NOTE_HEAD.test(low) || ABRIDGED.test(low)) return { rule: "editorial.editor-note", kind: "editor-aside" };
  if (RU_OPINION_DISCLAIMER.test(low) || EN_OPINION_DISCLAIMER.test(low)) return { rule: "editorial.opinion-disclaimer", kind: "disclaimer" };
  return null;
}

// A parenthetical closed by a translator's signature: "(… — Transl.)", "(…, прим. пер.)", "(… — прим. переводчика)".
const TRANSLATOR_TAIL = /(?:[—–-]|,)\s*(?:trans(?:l|lator)?|tr|прим\.?\s*(?:пер(?:ев)?|переводчика)|пер(?:ев)?)\.?\s*\)$/iu;
// "(в оригинале — …, прим. ИноСМИ)": the comma form of a republisher's note.
const COMMA_NOTE_TAIL = /,\s*(?:прим|note|approx)\.?\s*[^(),]{1,30}\)$/iu;
// Stage directions in interviews and transcripts: "(смеется)", "(laughs)".
const STAGE_DIRECTION = /^\((?:смеется|смеётся|смеются|улыбается|пауза|аплодисменты|laughs|laughter|smiles|pause|applause|inaudible|неразборчиво|crosstalk)\)$/iu;

/** The note a parenthetical is, if the outlet rules did not claim it. */
export function parentheticalNote(inner: string): LineNote | null {
  if (TRANSLATOR_TAIL.test(inner)) return { rule: "editorial.translator-paren", kind: "translation-note" };
  if (COMMA_NOTE_TAIL.test(inner)) return { rule: "editorial.note-paren", kind: "translation-note" };
  if (STAGE_DIRECTION.test(inner)) return { rule: "editorial.stage-direction", kind: "editor-aside" };
  return null;
}

// Countries a republisher names beside a foreign outlet: "Die Welt (Germany): …", "(The Diplomat, Япония)".
const COUNTRIES = new Set(
  (
    "usa|us|uk|britain|great britain|germany|france|japan|china|hong kong|india|italy|spain|poland|turkey|israel|qatar|" +
    "canada|australia|switzerland|sweden|norway|finland|ukraine|south korea|korea|singapore|austria|czech republic|" +
    "netherlands|belgium|denmark|latvia|lithuania|estonia|kazakhstan|iran|pakistan|brazil|saudi arabia|uae|egypt|" +
    "mongolia|vietnam|taiwan|serbia|hungary|romania|bulgaria|greece|ireland|mexico|argentina|south africa|" +
    "сша|великобритания|британия|германия|франция|япония|китай|кнр|гонконг|индия|италия|испания|польша|турция|израиль|" +
    "катар|канада|австралия|швейцария|швеция|норвегия|финляндия|украина|южная корея|корея|сингапур|австрия|чехия|" +
    "нидерланды|бельгия|дания|латвия|литва|эстония|казахстан|иран|пакистан|бразилия|саудовская аравия|оаэ|египет|" +
    "монголия|вьетнам|тайвань|сербия|венгрия|румыния|болгария|греция|ирландия|мексика|аргентина|юар"
  ).split("|"),
);

export function isCountry(name: string): boolean {
  return COUNTRIES.has(name.trim().toLowerCase());
}

// "Die Welt (Germany): Berlin fears …" — an outlet, its country, then the headline.
const COUNTRY_HEADLINE = /^(\p{Lu}[\p{L}\p{N}&.'’ -]{1,40}?)\s*\(([\p{L} ]{2,20})\)\s*:\s+\S/u;

/** Whether an unpunctuated line is a foreign outlet's headline as a republisher frames it. */
export function isCountryHeadline(body: string): boolean {
  const m = COUNTRY_HEADLINE.exec(body);
  return m !== null && isCountry(m[2] ?? "");
}

// "As the German newspaper Die Welt writes, …", "Как пишет японский журнал The Diplomat, …",
// "According to the magazine Foreign Affairs, …": a summary that names its foreign source.
const MEDIA_LEAD = new RegExp(
  [
    "^(?:as|according\\s+to)\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,2}(?:newspaper|magazine|journal|daily|weekly|outlet|publication|agency|broadcaster|website|portal|paper|tabloid|channel|think\\s+tank)\\s+\\p{Lu}",
    "^(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,2}(?:newspaper|magazine|journal|daily|weekly|outlet|publication|broadcaster|website|portal|tabloid)\\s+\\p{Lu}[^,.]{0,40}\\s+(?:writes|reports|argues|notes)\\b",
    "^как\\s+(?:пишет|пишут|сообщает|отмечает|утверждает|полагает|считает)\\s+(?:\\p{L}+\\s+){0,2}(?:газета|журнал|издание|агентство|портал|сайт|телеканал|еженедельник|таблоид|аналитический\\s+центр)\\s+[«\"]?\\p{Lu}",
    "^по\\s+(?:данным|сведениям|информации|мнению)\\s+(?:\\p{L}+\\s+){0,2}(?:газеты|журнала|издания|агентства|портала|сайта|телеканала|еженедельника)\\s+[«\"]?\\p{Lu}",
    "^(?:\\p{L}+\\s+){0,2}(?:газета|журнал|издание|агентство|портал|телеканал|еженедельник)\\s+[«\"]?\\p{Lu}[^,.]{0,40}\\s+(?:пишет|сообщает|рассказывает|утверждает)",
  ].join("|"),
  "iu",
);

/** Whether a paragraph opens by naming the outlet it summarises (the caller checks its place in the article). */
export function isMediaLead(body: string): boolean {
  return MEDIA_LEAD.test(body);
}
