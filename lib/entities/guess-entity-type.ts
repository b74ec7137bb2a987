// The entity type a new speaker probably has, guessed from its name and the project's registry, so
// a ministry, a state or an outlet created inline is not filed as a person. Only a default: the
// annotator sees it and corrects it in one keypress. Pure, so every rule is unit-tested.
import type { EntityTypeName } from "./entity-dto";

type Known = { name: string; aliases: readonly string[]; type: string };

const norm = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[«»"“”'’.]/gu, "").replace(/\s+/gu, " ").trim().replace(/^the /u, "");

// Names of states (and the capitals news reports use for them: "Beijing welcomed…").
const STATES = new Set(
  [
    "russia", "russian federation", "china", "peoples republic of china", "prc", "united states", "united states of america", "usa", "us", "america",
    "ukraine", "germany", "france", "united kingdom", "uk", "britain", "great britain", "japan", "india", "iran", "israel", "turkey", "türkiye",
    "poland", "belarus", "kazakhstan", "north korea", "dprk", "south korea", "brazil", "canada", "italy", "spain", "syria", "georgia", "moldova",
    "moscow", "beijing", "washington", "kyiv", "kiev", "london", "paris", "berlin", "tokyo", "tehran", "ankara", "minsk", "warsaw",
    "россия", "российская федерация", "рф", "китай", "кнр", "сша", "америка", "украина", "германия", "франция", "великобритания", "британия", "япония",
    "индия", "иран", "израиль", "турция", "польша", "беларусь", "белоруссия", "казахстан", "кндр", "южная корея", "бразилия", "канада", "италия",
    "москва", "пекин", "вашингтон", "киев", "лондон", "париж", "берлин", "токио", "тегеран", "анкара", "минск", "варшава",
  ].map(norm),
);

// Words that make a name an organisation outright (checked first: "Press office of the Ministry").
const MINISTRY = /(ministry|ministère|ministerium|министерств|мид\b|минобороны|минфин|ведомств)/u;
// News media: agencies, papers, broadcasters, sites.
const OUTLET =
  /(\bnews\b|\btimes\b|\bpost\b|gazette|tribune|journal|herald|telegraph|guardian|\btass\b|тасс|\bria\b|риа|interfax|интерфакс|reuters|bloomberg|\bafp\b|xinhua|синьхуа|\bbbc\b|\bcnn\b|\brt\b|\btv\b|телеканал|radio|радио|агентств|газет|издани|magazine|daily|weekly|\bpress\b|media|медиа|sputnik|спутник|известия|коммерсант|ведомости|\.com\b|\.ru\b|\.cn\b)/u;
const ORGANISATION =
  /(department|agency|committee|council|\bparty\b|government|правительств|администраци|office|commission|\bunion\b|\bbank\b|банк|corporation|company|\binc\b|\bltd\b|\bllc\b|\bооо\b|\bпао\b|university|университет|institute|институт|foundation|фонд|\barmy\b|армия|forces|police|полиция|court|суд\b|parliament|парламент|duma|дума|senate|сенат|kremlin|кремль|white house|белый дом|embassy|посольств|\bnato\b|нато|\bun\b|оон|\beu\b|\bес\b|organisation|organization|организаци|association|ассоциаци|group|групп)/u;
const DOCUMENT = /(report|statement|declaration|communiqué|communique|resolution|treaty|доклад|заявлени|декларац|коммюнике|резолюц|договор)/u;

/**
 * The registry decides first (the name or an alias of a known entity); then ministries →
 * organisation, media → outlet, other institutions → organisation, statements and reports →
 * document, a country or capital name → state; anything else is a person.
 */
export function guessEntityType(name: string, registry: readonly Known[] = []): EntityTypeName {
  const n = norm(name);
  if (n === "") return "person";
  const known = registry.find((e) => norm(e.name) === n || e.aliases.some((a) => norm(a) === n));
  if (known && isTypeName(known.type)) return known.type;
  if (MINISTRY.test(n)) return "organisation";
  if (OUTLET.test(n)) return "outlet";
  if (ORGANISATION.test(n)) return "organisation";
  if (DOCUMENT.test(n)) return "document";
  if (STATES.has(n)) return "state";
  return "person";
}

const TYPE_NAMES = new Set<string>(["person", "organisation", "outlet", "document", "state"]);
function isTypeName(type: string): type is EntityTypeName {
  return TYPE_NAMES.has(type.toLowerCase()) && type === type.toLowerCase();
}
