// Small hand-made word lists. Lower-case; compared against lower-cased tokens.

/** Reporting verbs (all inflections listed so a single alternation regex can be built). */
export const REPORTING_VERBS: readonly string[] = [
  "said", "says", "say", "told", "tells", "noted", "notes", "stressed", "stresses", "stated", "states",
  "added", "adds", "emphasized", "emphasizes", "emphasised", "emphasises", "assured", "assures",
  "believes", "believed", "argued", "argues", "suggested", "suggests", "concluded", "concludes",
  "continued", "continues", "points out", "pointed out", "specified", "specifies", "replied", "replies",
  "reported", "reports", "promised", "promises", "explained", "explains", "recalled", "recalls",
  "agrees", "agreed", "announced", "announces", "declared", "declares", "confirmed", "confirms",
  "insisted", "insists", "warned", "warns", "claimed", "claims", "wrote", "writes", "clarified",
  "described", "describes", "considers", "considered", "remarked", "observed", "admitted", "asserted", "commented", "underlined",
  "laughed", "joked", "jokes", "quipped", "complained", "complains", "acknowledged", "acknowledges", "conceded", "accused", "accuses",
  "urged", "urges", "tweeted", "posted", "asked", "asks", "demanded", "predicted", "predicts", "cautioned", "vowed", "pledged",
  "put it", "puts it", "called for", "calls for", "retorted", "countered", "objected", "summed up", "saying", "adding",
];

/** Words that may precede or follow a name as a title; they are stripped from the name and kept as roles. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  "president", "presidential", "premier", "prime", "minister", "deputy", "chairman", "chairwoman", "chair",
  "secretary", "general", "vice", "speaker", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
  "press", "representative", "official", "head", "leader", "director", "executive", "professor", "researcher",
  "analyst", "expert", "rear", "admiral", "commander", "colonel", "governor", "mayor", "senator", "chief",
  "former", "diplomat", "councilor", "councillor", "state", "foreign", "defense", "defence", "sinologist",
  "scientist", "observer", "fellow", "dr", "mr", "mrs", "ms", "king", "queen", "prince", "sheikh",
  "undersecretary", "under-secretary", "assistant", "retired", "senior", "lieutenant", "major", "captain", "sergeant",
  "chancellor", "congressman", "congresswoman", "lawmaker", "economist", "historian", "columnist", "adviser", "advisor",
  "aide", "treasury", "sen", "rep", "gov", "gen", "col", "madam", "director-general", "secretary-general",
]);

/** Nationality and country words, folded to a country tag so "Russian" ~ "of Russia". */
export const NATION_TAGS: ReadonlyMap<string, string> = new Map([
  ["russian", "RU"], ["russia", "RU"], ["chinese", "CN"], ["china", "CN"], ["prc", "CN"],
  ["american", "US"], ["us", "US"], ["usa", "US"], ["u.s.", "US"], ["belarusian", "BY"], ["belarus", "BY"],
  ["ukrainian", "UA"], ["ukraine", "UA"], ["british", "GB"], ["german", "DE"], ["french", "FR"],
  ["indian", "IN"], ["japanese", "JP"], ["turkish", "TR"], ["iranian", "IR"], ["israeli", "IL"],
]);

/** Capitalised words that are never part of a person's name. */
export const NON_NAME_WORDS: ReadonlySet<string> = new Set([
  "the", "a", "an", "in", "on", "at", "as", "by", "of", "for", "and", "but", "or", "to", "with", "from",
  "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "our", "their",
  "his", "her", "there", "here", "then", "when", "while", "after", "before", "during", "since", "however",
  "earlier", "later", "recently", "also", "so", "according", "among", "against", "despite", "both",
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
  "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "moscow", "beijing", "minsk", "kiev", "kyiv", "washington", "harbin", "sochi", "taiwan", "tibet", "xinjiang",
  "europe", "asia", "eurasia", "africa", "america", "gaza", "israel", "palestine", "ukraine", "nato", "un",
  "eu", "brics", "sco", "cpc", "prc", "g20", "west", "east", "western", "eastern", "north", "south",
  "federation", "republic", "people's", "union", "united", "states", "kingdom", "empire", "celestial",
  "ministry", "council", "committee", "commission", "secretariat", "party", "government", "kremlin",
  "office", "service", "institute", "university", "center", "centre", "department", "faculty", "agency",
  "duma", "assembly", "parliament", "congress", "senate", "court", "army", "navy", "forces", "group",
  "times", "post", "news", "journal", "telegraph", "guardian", "herald", "tribune", "gazette", "review",
  "russia", "china", "chinese", "russian", "american", "belarus", "belarusian", "ukrainian", "soviet",
  "sino-russian", "russian-chinese", "communist", "security", "affairs", "central", "national", "global",
  "international", "world", "new", "year", "years", "day", "photo", "note", "image", "source",
  "joint", "military", "district", "headquarters", "interstate", "customs", "services", "coordination",
  "interaction", "marine", "sea", "project", "maritime", "caucasus", "strip", "road", "belt", "streams",
  "institution", "foundation", "bank", "air", "force", "corps", "guard", "police", "shoal", "island", "islands",
  "arctic", "pacific", "atlantic", "bering", "alaska", "japan", "tokyo", "geneva", "brussels", "kazan", "astana",
  "weibo", "telegram", "fox", "x", "q", "a", "press", "conference", "summit", "forum", "session", "meeting",
  "countries", "studies", "economics", "relations", "sciences", "academy", "school", "college", "asian", "african",
  // Russian sentence openers that come before a name ("Ранее Блинкен заявил", "Даже посол признает")
  "ранее", "даже", "также", "позднее", "позже", "затем", "однако", "впрочем", "теперь", "сейчас", "вчера",
  "сегодня", "материалы", "кроме", "между", "зато", "итак", "поэтому", "именно", "только", "уже", "еще", "ещё",
  "почему", "зачем", "где", "что", "как", "когда", "кто",
]);

/** Head nouns that make a phrase an organisation. */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  "ministry", "council", "committee", "commission", "secretariat", "party", "government", "kremlin",
  "office", "service", "institute", "university", "center", "centre", "department", "agency", "embassy",
  "administration", "cabinet", "headquarters", "parliament", "duma", "court", "company", "corporation",
]);

/** Head nouns that make a phrase a news outlet ("the American edition of Politico"). */
export const OUTLET_HEADS: ReadonlySet<string> = new Set([
  "edition", "newspaper", "magazine", "channel", "broadcaster", "publication", "outlet", "website",
  "portal", "tabloid", "daily", "weekly", "station",
]);

/**
 * Role nouns used instead of a name, mapped to the titles a matching antecedent may carry.
 * "the interlocutor" ~ someone introduced as "Director of the Institute ...".
 */
const EXPERT_TITLES = ["director", "professor", "researcher", "analyst", "expert", "institute", "university",
  "center", "centre", "scientist", "fellow", "sinologist", "observer", "department", "faculty"];
export const ROLE_NOUNS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["expert", EXPERT_TITLES], ["interlocutor", EXPERT_TITLES], ["source", EXPERT_TITLES],
  ["analyst", EXPERT_TITLES], ["specialist", EXPERT_TITLES], ["researcher", EXPERT_TITLES],
  ["scientist", EXPERT_TITLES], ["sinologist", EXPERT_TITLES], ["orientalist", EXPERT_TITLES],
  ["observer", EXPERT_TITLES], ["professor", EXPERT_TITLES],
  ["diplomat", ["minister", "ambassador", "diplomat", "foreign", "representative", "envoy", "affairs", "councilor"]],
  ["representative", ["representative", "spokesman", "spokeswoman", "spokesperson", "diplomat", "envoy", "minister", "official"]],
  ["politician", ["president", "minister", "chairman", "deputy", "leader", "speaker", "party", "secretary", "senator", "governor"]],
  ["president", ["president"]],
  ["leader", ["president", "leader", "premier"]],
  ["head of state", ["president", "leader", "king", "queen"]],
  ["minister", ["minister"]],
  ["ambassador", ["ambassador"]],
  ["spokesman", ["spokesman", "spokesperson", "press", "secretary", "representative"]],
]);

/** Nouns that mark a plural or unnamed source: no single speaker can be resolved. */
export const PLURAL_SOURCES: ReadonlySet<string> = new Set([
  "leaders", "diplomats", "experts", "analysts", "observers", "sides", "parties", "officials", "sources",
  "authors", "politicians", "representatives", "media", "they", "we", "people",
]);
