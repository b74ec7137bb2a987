// Matching speaker names against the entity registry, and proposing merges of alias spellings.
import { compactKey, translitKey } from "./names";
import { jaroWinkler } from "./similarity";
import type { EntityType, MergeProposal, ProposedEntity, RegistryEntity } from "./types";

export class EntityIndex {
  private readonly byKey = new Map<string, RegistryEntity>();
  /** Surname (last token) and, for two-token names, first token (Chinese order) → entities. */
  private readonly byToken = new Map<string, RegistryEntity[]>();

  constructor(entities: readonly RegistryEntity[]) {
    if (!Array.isArray(entities)) throw new TypeError("entities must be an array");
    for (const e of entities) {
      for (const variant of [e.name, ...e.aliases]) {
        const key = compactKey(variant);
        if (key.length === 0) continue;
        if (!this.byKey.has(key)) this.byKey.set(key, e);
        const tokens = translitKey(variant).split(" ");
        if (tokens.length < 2) continue;
        this.addToken(tokens[tokens.length - 1] ?? "", e);
        if (tokens.length === 2) this.addToken(tokens[0] ?? "", e);
      }
    }
  }

  private addToken(token: string, e: RegistryEntity): void {
    const list = this.byToken.get(token) ?? [];
    if (!list.includes(e)) list.push(e);
    this.byToken.set(token, list);
  }

  /** Exact (case/diacritic/transliteration-insensitive) name or alias, else an unambiguous surname. */
  match(name: string, type?: EntityType): RegistryEntity | undefined {
    const key = compactKey(name);
    if (key.length === 0) return undefined;
    const exact = this.byKey.get(key);
    if (exact && (!type || exact.type === type)) return exact;
    const tokens = translitKey(name).split(" ");
    const last = tokens[tokens.length - 1] ?? "";
    const first = tokens[0] ?? "";
    const candidates = (this.byToken.get(last) ?? this.byToken.get(first) ?? []).filter(
      (e) => !type || e.type === type,
    );
    if (candidates.length !== 1) return undefined;
    if (tokens.length === 1) return candidates[0];
    // "Alexander Lukashenka" must not match "Viktor Lukashenko": first names must agree too.
    const candidate = candidates[0];
    if (!candidate) return undefined;
    const cTokens = translitKey(candidate.name).split(" ");
    return cTokens[0] === first || cTokens[0]?.[0] === first[0] ? candidate : undefined;
  }
}

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

/**
 * Pairs of distinct entities (registry or proposed) of the same type whose best-matching spellings
 * have a Jaro-Winkler similarity ≥ threshold on their transliteration keys (full names, or a bare
 * surname against the other's surname). Quadratic in the number of
 * entities (not of text), which stays small.
 */
export function proposeMerges(
  entities: readonly RegistryEntity[],
  proposed: readonly ProposedEntity[],
  threshold = 0.92,
): MergeProposal[] {
  if (!Array.isArray(entities) || !Array.isArray(proposed)) throw new TypeError("arrays expected");
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError("threshold must be in (0, 1]");
  const nodes: NamedNode[] = [
    ...entities.map((e) => node(e.id, e.type, [e.name, ...e.aliases])),
    ...proposed.map((p) => node(`proposed:${p.name}`, p.type, [p.name])),
  ];
  const out: MergeProposal[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i];
      const b = nodes[j];
      if (!a || !b || a.type !== b.type) continue;
      // A bare surname ("Lukashenka") is compared with the other's surname ("Alexander Lukashenko").
      const score = Math.max(best(a.keys, b.keys), best(a.singles, b.surnames), best(b.singles, a.surnames));
      if (score >= threshold) out.push({ a: a.ref, b: b.ref, score: Math.round(score * 1000) / 1000 });
    }
  }
  return out.sort((x, y) => y.score - x.score || x.a.localeCompare(y.a));
}
