// Merge proposals: pairs of entities (registry or proposed) whose spellings look like one name.
// Comparing every pair of a registry of k speakers for every document cost k² Jaro-Winkler calls
// per document. Now the registry's own pairs are found once per registry (cached by its content),
// a document only compares its few new names with the registry, and a cheap exact bound on shared
// characters skips the Jaro-Winkler call for nearly every pair.
import { compactKey, translitKey } from "./names";
import { jaroWinkler } from "./similarity";
import type { EntityType, MergeProposal, ProposedEntity, RegistryEntity } from "./types";

/** A spelling with its character counts (bucketed by the low 5 bits of the code unit). */
interface Spelling {
  text: string;
  counts: Uint8Array;
}

interface NamedNode {
  ref: string;
  type: EntityType;
  /** Compact keys of every spelling. */
  keys: Spelling[];
  /** Keys of one-token spellings ("Zelenskiy") and the surname/family-name tokens of longer ones. */
  singles: Spelling[];
  surnames: Spelling[];
}

function spelling(text: string): Spelling {
  const counts = new Uint8Array(32);
  for (let i = 0; i < text.length; i++) {
    const b = text.charCodeAt(i) & 31;
    counts[b] = Math.min(255, (counts[b] ?? 0) + 1);
  }
  return { text, counts };
}

function node(ref: string, type: EntityType, spellings: readonly string[]): NamedNode {
  const tokenised = spellings.map((s) => translitKey(s).split(" ").filter((t) => t.length > 0));
  const of = (xs: string[]) => xs.filter((x) => x.length > 0).map(spelling);
  return {
    ref,
    type,
    keys: of(spellings.map(compactKey)),
    singles: of(tokenised.filter((t) => t.length === 1).map((t) => t[0] ?? "")),
    surnames: of(tokenised.filter((t) => t.length >= 2).flatMap((t) => (t.length === 2 ? [t[0] ?? "", t[1] ?? ""] : [t[t.length - 1] ?? ""]))),
  };
}

/**
 * Jaro-Winkler is at most 0.6·jaro + 0.4 (prefix bonus ≤ 4 × 0.1) and jaro ≤ (m/|x| + 2)/3, so a
 * score ≥ t needs m ≥ share·|x| matched characters for both strings, share = 3·(t − 0.4)/0.6 − 2
 * (0.6 at t = 0.92). Matched characters are shared characters, which the bucketed counts bound
 * from above: a pair failing this bound cannot reach the threshold, so skipping it changes nothing.
 */
function canReach(x: Spelling, y: Spelling, share: number): boolean {
  const need = share * Math.max(x.text.length, y.text.length) - 1e-6;
  if (need <= 0) return true;
  if (Math.min(x.text.length, y.text.length) < need) return false;
  let shared = 0;
  for (let b = 0; b < 32; b++) shared += Math.min(x.counts[b] ?? 0, y.counts[b] ?? 0);
  return shared >= need;
}

function best(xs: readonly Spelling[], ys: readonly Spelling[], share: number): number {
  let b = 0;
  for (const x of xs) for (const y of ys) if (canReach(x, y, share)) b = Math.max(b, jaroWinkler(x.text, y.text));
  return b;
}

// A bare surname ("Lukashenka") is compared with the other's surname ("Alexander Lukashenko").
const similarity = (a: NamedNode, b: NamedNode, share: number) =>
  Math.max(best(a.keys, b.keys, share), best(a.singles, b.surnames, share), best(b.singles, a.surnames, share));

/** A pair ready for output: node numbers, refs and the rounded score. */
interface RankedPair {
  i: number;
  j: number;
  a: string;
  b: string;
  score: number;
}

// Intl.Collator orders as localeCompare does, without building a collator per comparison.
const collator = new Intl.Collator();
// Same order as comparing every pair i < j in turn and sorting stably by score, then name.
const byRank = (x: RankedPair, y: RankedPair) => y.score - x.score || collator.compare(x.a, y.a) || x.i - y.i || x.j - y.j;

/** A registry's nodes and its own merge pairs, computed once per registry. */
class RegistryMerges {
  readonly nodes: NamedNode[];
  readonly share: number;
  private ownPairs: RankedPair[] | undefined;

  constructor(
    entities: readonly RegistryEntity[],
    private readonly threshold: number,
  ) {
    this.nodes = entities.map((e) => node(e.id, e.type, [e.name, ...e.aliases]));
    this.share = 3 * ((threshold - 0.4) / 0.6) - 2;
  }

  /** Pairs within the registry, ranked (computed on first use, then kept with the registry). */
  pairs(): RankedPair[] {
    if (!this.ownPairs) {
      const out: RankedPair[] = [];
      for (let i = 0; i < this.nodes.length; i++) {
        const a = this.nodes[i];
        for (let j = i + 1; j < this.nodes.length; j++) {
          const b = this.nodes[j];
          if (!a || !b || a.type !== b.type) continue;
          const score = similarity(a, b, this.share);
          if (score >= this.threshold) out.push({ i, j, a: a.ref, b: b.ref, score: Math.round(score * 1000) / 1000 });
        }
      }
      this.ownPairs = out.sort(byRank);
    }
    return this.ownPairs;
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
 * surname against the other's surname). The registry's own pairs are computed once per registry
 * (its content is the cache key); per call the cost is the proposed names against the registry,
 * linear in its size, instead of the registry's size squared.
 */
export function proposeMerges(entities: readonly RegistryEntity[], proposed: readonly ProposedEntity[], threshold = 0.92): MergeProposal[] {
  if (!Array.isArray(entities) || !Array.isArray(proposed)) throw new TypeError("arrays expected");
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError("threshold must be in (0, 1]");
  const registry = registryMerges(entities, threshold);
  const k = registry.nodes.length;
  const fresh = proposed.map((p) => node(`proposed:${p.name}`, p.type, [p.name]));
  const all = (n: number) => (n < k ? registry.nodes[n] : fresh[n - k]);
  const found: RankedPair[] = [];
  for (let j = k; j < k + fresh.length; j++) {
    const b = all(j);
    for (let i = 0; i < j; i++) {
      const a = all(i);
      if (!a || !b || a.type !== b.type) continue;
      const score = similarity(a, b, registry.share);
      if (score >= threshold) found.push({ i, j, a: a.ref, b: b.ref, score: Math.round(score * 1000) / 1000 });
    }
  }
  found.sort(byRank);
  // Merge the registry's ranked pairs (kept) with this call's.
  const kept = registry.pairs();
  const out: MergeProposal[] = [];
  let x = 0;
  let y = 0;
  while (x < kept.length || y < found.length) {
    const p = kept[x];
    const q = found[y];
    const next = p && (!q || byRank(p, q) <= 0) ? (x++, p) : (y++, q);
    if (next) out.push({ a: next.a, b: next.b, score: next.score });
  }
  return out;
}
