// Name normalisation: case/diacritic folding and a transliteration key so that spellings of one
// Russian/Chinese/Belarusian name collapse ("Zelenskiy" ~ "Zelenskyy", "Lukashenka" ~ "Lukashenko").

/** Lower-case, strip diacritics and apostrophes, keep letters/digits separated by single spaces. */
export function foldName(name: string): string {
  if (typeof name !== "string") throw new TypeError("name must be a string");
  return name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’`ʼ]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

function translitToken(token: string): string {
  let t = token
    .replace(/kh/g, "h")
    .replace(/tz/g, "ts")
    .replace(/ye/g, "e")
    .replace(/yo/g, "e")
    .replace(/iu/g, "yu")
    .replace(/ia/g, "ya")
    .replace(/ks/g, "x")
    .replace(/w/g, "v");
  // y/i/iy/yy/ij/ii endings all render the Russian "-ий/-ый/-й".
  t = t.replace(/(?:iy|yy|ij|ii|y|i)$/, "i");
  // Belarusian "-a" vs Russian "-o" ("Lukashenka"/"Lukashenko").
  t = t.replace(/([^aeiouy])a$/, "$1o");
  return t.replace(/(.)\1+/g, "$1");
}

// The same few names are keyed over and over in a long document; a bounded memo keeps that linear.
const keyCache = new Map<string, string>();

/** Transliteration-insensitive key, tokens separated by spaces. */
export function translitKey(name: string): string {
  const cached = keyCache.get(name);
  if (cached !== undefined) return cached;
  const key = foldName(name)
    .split(" ")
    .filter((t) => t.length > 0)
    .map(translitToken)
    .join(" ");
  if (keyCache.size > 20_000) keyCache.clear();
  keyCache.set(name, key);
  return key;
}

/** The key with spaces removed, so "Xi Jin Ping" ~ "Xi Jinping". */
export function compactKey(name: string): string {
  return translitKey(name).replace(/ /g, "");
}

/**
 * Do two surface names plausibly denote the same referent? Equal keys, or one name's tokens are
 * the tail of the other's (surname: "Putin" ~ "Vladimir Putin"), or a head of at least three tokens
 * (truncated organisation names).
 */
export function namesLikelySame(a: string, b: string): boolean {
  const ka = translitKey(a);
  const kb = translitKey(b);
  if (ka.length === 0 || kb.length === 0) return false;
  if (ka === kb || ka.replace(/ /g, "") === kb.replace(/ /g, "")) return true;
  const ta = ka.split(" ");
  const tb = kb.split(" ");
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const tail = long.slice(long.length - short.length);
  if (tail.join(" ") === short.join(" ")) return true;
  if (short.length >= 3 && long.slice(0, short.length).join(" ") === short.join(" ")) return true;
  // Chinese order: the family name comes first ("Xi" ~ "Xi Jinping").
  return short.length === 1 && long.length === 2 && long[0] === short[0] && (short[0]?.length ?? 0) <= 4;
}
