// Merge proposals: pairs of entities (registry or proposed) whose spellings look like one name.
// Comparing every pair of a registry of k speakers for every document cost k² Jaro-Winkler calls
// per document. Now the registry's own pairs are found once per registry (cached by its content),
// through an index that only compares candidate pairs, and a document only probes its new names.
import { compactKey, translitKey } from "./names";
import { jaroWinkler } from "./similarity";
import type { EntityType, MergeProposal, ProposedEntity, RegistryEntity } from "./types";

interface NamedNode {
  ref: string;
  type: EntityType;
  /** Compact keys of every spelling. */
  keys: string[];
  /** Keys of one-token spellings ("Zelenskiy") and the surname/family-name tokens of longer ones. */
  singles: string[];
  surnames: string[];
}

function node(ref: string, type: EntityType, spellings: readonly string[]): NamedNode {
  const tokenised = spellings.map((s) => translitKey(s).split(" ").filter((t) => t.length > 0));
  return {
    ref,
    type,
    keys: spellings.map(compactKey),
    singles: tokenised.filter((t) => t.length === 1).map((t) => t[0] ?? ""),
    surnames: tokenised.filter((t) => t.length >= 2).flatMap((t) => (t.length === 2 ? [t[0] ?? "", t[1] ?? ""] : [t[t.length - 1] ?? ""])),
  };
}

function best(xs: readonly string[], ys: readonly string[]): number {
  let b = 0;
  for (const x of xs) for (const y of ys) if (x && y) b = Math.max(b, jaroWinkler(x, y));
  return b;
}

// A bare surname ("Lukashenka") is compared with the other's surname ("Alexander Lukashenko").
const similarity = (a: NamedNode, b: NamedNode) => Math.max(best(a.keys, b.keys), best(a.singles, b.surnames), best(b.singles, a.surnames));

// Which strings of a node are compared with which of another: keys with keys, singles with surnames.
type Role = "k" | "s" | "n";
const rolesOf = (n: NamedNode): Array<[Role, Role, readonly string[]]> => [
  ["k", "k", n.keys],
  ["s", "n", n.singles],
  ["n", "s", n.surnames],
];

/**
 * Candidate filter that never drops a pair scoring ≥ threshold (prefix filtering). Jaro-Winkler is at
 * most 0.6·jaro + 0.4 and jaro ≤ (m/|x| + 2)/3, so a score ≥ t needs m ≥ share·|x| matched characters
 * in both strings, share = 3·(t − 0.4)/0.6 − 2 (0.6 at t = 0.92). Each string is a set of tokens
 * "character + occurrence number", ordered rarest first; two strings sharing ≥ share of their
 * characters must share a token among the first |x| − ⌈share·|x|⌉ + 1 of each.
 */
class TokenPrefixes {
  private readonly frequency = new Map<string, number>();
  private readonly share: number;

  constructor(threshold: number, strings: Iterable<string>) {
    this.share = 3 * ((threshold - 0.4) / 0.6) - 2;
    for (const s of strings) for (const t of tokens(s)) this.frequency.set(t, (this.frequency.get(t) ?? 0) + 1);
  }

  /** The prefix tokens of one string; tokens unseen when the order was fixed count as rarest. */
  of(s: string): string[] {
    const all = tokens(s);
    // A small margin keeps rounding from ever shortening the prefix below what the bound needs.
    const need = Math.max(1, Math.ceil(this.share * s.length - 1e-6));
    const order = (t: string) => this.frequency.get(t) ?? 0;
    all.sort((x, y) => order(x) - order(y) || (x < y ? -1 : x > y ? 1 : 0));
    return all.slice(0, Math.max(0, s.length - need + 1));
  }
}

function tokens(s: string): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? "";
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    out.push(`${c}\u0000${n}`);
  }
  return out;
}

/** Postings of prefix tokens → node numbers, per type and role. */
class CandidateIndex {
  private readonly postings = new Map<string, number[]>();

  constructor(private readonly prefixes: TokenPrefixes) {}

  add(n: NamedNode, id: number): void {
    for (const [role, , strings] of rolesOf(n))
      for (const s of strings) {
        if (!s) continue;
        for (const t of this.prefixes.of(s)) {
          const key = `${n.type}\u0001${role}\u0001${t}`;
          const list = this.postings.get(key);
          if (!list) this.postings.set(key, [id]);
          else if (list[list.length - 1] !== id) list.push(id);
        }
      }
  }

  /** Node numbers that may score ≥ threshold against `n`, each once. */
  candidates(n: NamedNode): number[] {
    const found = new Set<number>();
    for (const [, probe, strings] of rolesOf(n))
      for (const s of strings) {
        if (!s) continue;
        for (const t of this.prefixes.of(s)) for (const id of this.postings.get(`${n.type}\u0001${probe}\u0001${t}`) ?? []) found.add(id);
      }
    return [...found];
  }
}

interface ScoredPair {
  i: number;
  j: number;
  score: number;
}

/** A registry's nodes, its candidate index and its own merge pairs, computed once per registry. */
class RegistryMerges {
  readonly nodes: NamedNode[];
  readonly prefixes: TokenPrefixes;
  private readonly index: CandidateIndex;
  private ownPairs: ScoredPair[] | undefined;

  constructor(
    entities: readonly RegistryEntity[],
    private readonly threshold: number,
  ) {
    this.nodes = entities.map((e) => node(e.id, e.type, [e.name, ...e.aliases]));
    this.prefixes = new TokenPrefixes(threshold, this.nodes.flatMap((n) => [...n.keys, ...n.singles, ...n.surnames]));
    this.index = new CandidateIndex(this.prefixes);
    this.nodes.forEach((n, id) => this.index.add(n, id));
  }

  /** Pairs within the registry (computed on first use, then kept with the registry). */
  pairs(): ScoredPair[] {
    if (!this.ownPairs) {
      const out: ScoredPair[] = [];
      this.nodes.forEach((b, j) => {
        for (const i of this.index.candidates(b)) {
          const a = this.nodes[i];
          if (!a || i >= j) continue;
          const score = similarity(a, b);
          if (score >= this.threshold) out.push({ i, j, score });
        }
      });
      this.ownPairs = out;
    }
    return this.ownPairs;
  }

  /** Registry nodes that score ≥ threshold against `n`. */
  matches(n: NamedNode): Array<{ i: number; score: number }> {
    const out: Array<{ i: number; score: number }> = [];
    for (const i of this.index.candidates(n)) {
      const a = this.nodes[i];
      const score = a ? similarity(a, n) : 0;
      if (score >= this.threshold) out.push({ i, score });
    }
    return out;
  }
}

// A few registries are enough: one project's suggestion run uses one registry for all its documents.
const registryCache = new Map<string, RegistryMerges>();
const CACHED_REGISTRIES = 4;

function registryMerges(entities: readonly RegistryEntity[], threshold: number): RegistryMerges {
  const key = `${threshold}\u0000${entities.map((e) => `${e.id}\u0001${e.type}\u0001${e.name}\u0001${e.aliases.join("\u0002")}`).join("\u0000")}`;
  let found = registryCache.get(key);
  if (found) registryCache.delete(key);
  else found = new RegistryMerges(entities, threshold);
  registryCache.set(key, found);
  while (registryCache.size > CACHED_REGISTRIES) registryCache.delete(registryCache.keys().next().value as string);
  return found;
}

/**
 * Pairs of distinct entities (registry or proposed) of the same type whose best-matching spellings
 * have a Jaro-Winkler similarity ≥ threshold on their transliteration keys (full names, or a bare
 * surname against the other's surname). The registry's own pairs are computed once per registry;
 * per call the cost is the proposed names' candidates, not the registry's size squared.
 */
export function proposeMerges(entities: readonly RegistryEntity[], proposed: readonly ProposedEntity[], threshold = 0.92): MergeProposal[] {
  if (!Array.isArray(entities) || !Array.isArray(proposed)) throw new TypeError("arrays expected");
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError("threshold must be in (0, 1]");
  const registry = registryMerges(entities, threshold);
  const k = registry.nodes.length;
  const fresh = proposed.map((p) => node(`proposed:${p.name}`, p.type, [p.name]));
  const pairs: ScoredPair[] = [...registry.pairs()];
  // New names against each other, through an index of their own in the registry's token order.
  const own = new CandidateIndex(registry.prefixes);
  fresh.forEach((b, j) => {
    for (const { i, score } of registry.matches(b)) pairs.push({ i, j: k + j, score });
    for (const i of own.candidates(b)) {
      const a = fresh[i];
      const score = a ? similarity(a, b) : 0;
      if (score >= threshold) pairs.push({ i: k + i, j: k + j, score });
    }
    own.add(b, j);
  });
  const refOf = (n: number) => (n < k ? registry.nodes[n]?.ref : fresh[n - k]?.ref) ?? "";
  // Same order as comparing every pair i < j in turn and sorting stably by score, then name.
  return pairs
    .map((p) => ({ ...p, a: refOf(p.i), b: refOf(p.j), score: Math.round(p.score * 1000) / 1000 }))
    .sort((x, y) => y.score - x.score || x.a.localeCompare(y.a) || x.i - y.i || x.j - y.j)
    .map(({ a, b, score }) => ({ a, b, score }));
}
