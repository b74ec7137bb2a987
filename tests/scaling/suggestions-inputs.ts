// Hostile inputs for the suggestion scaling tests and benchmark: the shapes scraped articles come in.
import type { RegistryEntity } from "@/lib/suggestions";

/** A deterministic pseudo-random sequence (the same inputs on every run). */
export function seeded(seed: number): () => number {
  // mulberry32: 32-bit integer arithmetic, so the sequence does not collapse into a short cycle.
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Vladimir", "Dmitry", "Alexey", "Sergei", "Olga", "Anna", "Maria", "Ivan", "Yuri", "Kurt", "John", "Pavel", "Nikolai", "Elena", "Igor", "Wang", "Li", "Zhang", "Liu", "Chen"];
const CONSONANTS = "bcdfghjklmnprstvzk";
const VOWELS = "aeiou";

/**
 * A registry of k speakers with name-like surnames (some with a surname alias). With common first
 * names many pairs look alike (near-duplicates grow with k², a pessimistic registry); with varied
 * (random-letter) first names near-duplicates stay rare, as in a curated registry.
 */
export function registryOf(k: number, seed = 42, firstNames: "common" | "varied" = "common"): RegistryEntity[] {
  const rnd = seeded(seed);
  const pick = (s: string) => s[Math.floor(rnd() * s.length)] ?? "a";
  const word = (syllables: number) => {
    let w = pick(CONSONANTS).toUpperCase();
    for (let n = 0; n < syllables; n++) w += pick(VOWELS) + pick(CONSONANTS);
    return w;
  };
  return Array.from({ length: k }, (_, i) => {
    const surname = word(2 + Math.floor(rnd() * 3));
    const letters = (n: number) => Array.from({ length: n }, () => pick("abcdefghijklmnopqrstuvwxyz")).join("");
    const first = firstNames === "varied" ? `${pick("ABCDEFGHIJKLMNOPRSTUVZ")}${letters(4 + Math.floor(rnd() * 4))}` : (FIRST[Math.floor(rnd() * FIRST.length)] ?? "Ivan");
    return { id: `e${i}`, name: `${first} ${surname}`, aliases: rnd() < 0.3 ? [surname] : [], type: rnd() < 0.9 ? "PERSON" : "ORGANISATION" };
  });
}

/** Pieces of the shapes named in the brief: dot leaders, runs, JSON, stray marks, spam, number lists. */
const HOSTILE_PIECES = [
  "Contents" + " .".repeat(40) + " 12 ",
  "Buy now" + "!".repeat(60) + " ",
  "Wait" + ".".repeat(80) + " ",
  " ".repeat(120),
  '{"id": 12, "text": "He said (it) \\"works\\"", "tags": ["a)", "b\\""], "n": [1, 2, 3]} ',
  "«Он сказал, что «это важно ",
  "“Stray opening quote and more words ",
  "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20 dollars ",
  "He really really really really really really said: ",
  '"It is fine," Putin said. "We agree," he added ',
  "according to sources close to the ministry ",
  "This does not reflect the views of the editors ",
  "Meduza* ",
  "(note: see above) [sic] ",
  "Tan Kefei said that the exercises were planned ",
];

/** One line of about n characters cycling through the hostile pieces (no line breaks at all). */
export function hostileLine(n: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < n; i++) {
    const piece = HOSTILE_PIECES[i % HOSTILE_PIECES.length] ?? "";
    parts.push(piece);
    length += piece.length;
  }
  return parts.join("").slice(0, n);
}

/** An article of about n characters: hostile lines of varied length between ordinary paragraphs. */
export function hostileArticle(n: number, paragraph: string): string {
  const parts: string[] = ["* Meduza is recognised as a foreign agent"];
  let length = 0;
  for (let i = 0; length < n; i++) {
    const piece = i % 2 === 0 ? paragraph : hostileLine(200 + ((i * 7919) % 5000));
    parts.push(piece);
    length += piece.length + 1;
  }
  return parts.join("\n").slice(0, n);
}
