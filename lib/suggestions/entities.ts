// Matching speaker names against the entity registry (merge proposals live in merge-proposals.ts).
import { compactKey, translitKey } from "./names";
import type { EntityType, RegistryEntity } from "./types";

export { proposeMerges } from "./merge-proposals";

/** Entities sharing one name token, with how many there are of each type (so a match is O(1)). */
interface TokenEntry {
  all: Set<RegistryEntity>;
  byType: Map<EntityType, { count: number; only: RegistryEntity }>;
}

export class EntityIndex {
  private readonly byKey = new Map<string, RegistryEntity>();
  /** Surname (last token) and, for two-token names, first token (Chinese order) → entities. */
  private readonly byToken = new Map<string, TokenEntry>();

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
    let entry = this.byToken.get(token);
    if (!entry) {
      entry = { all: new Set(), byType: new Map() };
      this.byToken.set(token, entry);
    }
    if (entry.all.has(e)) return;
    entry.all.add(e);
    const ofType = entry.byType.get(e.type);
    if (ofType) ofType.count++;
    else entry.byType.set(e.type, { count: 1, only: e });
  }

  /** Exact (case/diacritic/transliteration-insensitive) name or alias only: titles kept as aliases. */
  matchExact(name: string, type?: EntityType): RegistryEntity | undefined {
    const exact = this.byKey.get(compactKey(name));
    return exact && (!type || exact.type === type) ? exact : undefined;
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
    const entry = this.byToken.get(last) ?? this.byToken.get(first);
    if (!entry) return undefined;
    const single = type ? entry.byType.get(type) : { count: entry.all.size, only: entry.all.values().next().value };
    if (single?.count !== 1 || !single.only) return undefined;
    const candidate = single.only;
    if (tokens.length === 1) return candidate;
    // "Alexander Lukashenka" must not match "Viktor Lukashenko": first names must agree too.
    const cTokens = translitKey(candidate.name).split(" ");
    return cTokens[0] === first || cTokens[0]?.[0] === first[0] ? candidate : undefined;
  }
}
