// Russian word lists for quotes: speech verbs (every gender/number form is listed so one
// alternation regex can be built), role nouns and the cue phrases "по словам …", "по мнению …".

const PAST_STEMS = [
  "заявил", "сказал", "подчеркнул", "отметил", "добавил", "сообщил", "пояснил", "уточнил", "напомнил",
  "признал", "написал", "ответил", "заметил", "констатировал", "предупредил", "указал", "рассказал",
  "заверил", "объяснил", "резюмировал", "парировал", "заключил", "акцентировал", "посетовал", "пожаловался",
  "пошутил", "возразил", "призвал", "подытожил", "уверял", "говорил", "считал", "полагал",
];
const PRESENT = [
  "говорит", "считает", "полагает", "пишет", "отмечает", "подчеркивает", "подчёркивает", "заявляет",
  "признает", "признаёт", "добавляет", "поясняет", "утверждает", "указывает", "сообщает", "замечает",
  "рассказывает", "напоминает", "уверяет", "заверяет", "настаивает", "предупреждает", "констатирует", "уверен", "уверена", "уверены", "убежден", "убеждена", "цитирует",
];

/** Past forms in all genders ("заявил", "заявила", "заявило", "заявили"); "пожаловался" → "пожаловалась". */
function pastForms(stem: string): string[] {
  if (stem.endsWith("ся")) {
    const base = stem.slice(0, -2);
    return [stem, `${base}ась`, `${base}ись`];
  }
  return [stem, `${stem}а`, `${stem}и`];
}

export const RU_REPORTING_VERBS: readonly string[] = [...PAST_STEMS.flatMap(pastForms), ...PRESENT];

/** Gender a Russian past-tense speech verb shows ("заявила" → f, "заявил" → m); undefined otherwise. */
export function genderOfRussianVerb(verb: string): "m" | "f" | undefined {
  const v = verb.toLowerCase();
  if (!/^[\p{Script=Cyrillic}]+$/u.test(v)) return undefined;
  if (/(?:ла|лась)$/u.test(v)) return "f";
  if (/(?:л|лся)$/u.test(v)) return "m";
  if (/(?:уверена|убеждена)$/u.test(v)) return "f";
  return undefined;
}

/** Cue phrases read like "according to": "по словам эксперта", "по мнению Белова". */
export const RU_ACCORDING = ["по словам", "по мнению", "по оценке", "по данным"] as const;

/** Crude Russian stem: the word without its case/number ending, so "председателем" ~ "председатель". */
export function ruStem(word: string): string {
  const w = word.toLowerCase().replace(/ё/gu, "е");
  if (w.length <= 4 || !/\p{Script=Cyrillic}/u.test(w)) return w;
  const m = /(?:ами|ями|ого|его|ому|ему|ыми|ими|ой|ей|ом|ем|ым|им|ах|ях|ов|ев|ую|юю|ая|яя|ое|ее|ые|ие|ый|ий|ь|а|я|у|ю|е|ы|и|о)$/u.exec(w);
  return m && w.length - m[0].length >= 3 ? w.slice(0, w.length - m[0].length) : w;
}

/** Role nouns that stand for a person ("— заявила дипломат", "сказал спикер Госдумы"), as stems. */
export const RU_ROLE_STEMS: ReadonlySet<string> = new Set(
  [
    "дипломат", "министр", "замминистра", "представитель", "политик", "президент", "лидер", "глава", "посол",
    "спикер", "пресс-секретарь", "эксперт", "аналитик", "экономист", "политолог", "профессор", "собеседник",
    "председатель", "премьер", "вице-премьер", "сенатор", "депутат", "генсек", "чиновник", "банкир",
    "директор", "руководитель", "историк", "востоковед", "китаист", "военный", "генерал", "советник", "помощник",
  ].map(ruStem),
);

/** Titles read before a name in Russian, as stems ("Официальный представитель МИД России Мария Захарова"). */
export const RU_TITLE_STEMS: ReadonlySet<string> = new Set(
  [...RU_ROLE_STEMS, "официальный", "заместитель", "главный", "генеральный", "секретарь", "госсекретарь", "вице", "бывший", "старший", "научный", "сотрудник"].map(ruStem),
);

/** Country tag of a Russian nationality/country word ("российского", "КНР", "Китая"). */
export function ruNation(word: string): string | undefined {
  const w = word.toLowerCase();
  if (/^(?:росси|рф$)/u.test(w)) return "RU";
  if (/^(?:кита|кнр$)/u.test(w)) return "CN";
  if (/^(?:сша$|америк)/u.test(w)) return "US";
  if (/^(?:украин)/u.test(w)) return "UA";
  if (/^(?:белорус|беларус)/u.test(w)) return "BY";
  if (/^(?:япон)/u.test(w)) return "JP";
  if (/^(?:британ)/u.test(w)) return "GB";
  return undefined;
}
