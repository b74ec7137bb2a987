// Whose stance a judgement records. A quoted minister's stance towards a target and the outlet's
// own stance in the same passage are different data, so every stance entry names its holder.
// Stored data written before holders existed has none: readers fill the default by span type
// (read-time default, no data migration), and every write stores the holder explicitly.

export const STANCE_HOLDERS = ["source", "author", "republisher"] as const;
export type StanceHolder = (typeof STANCE_HOLDERS)[number];

export const STANCE_HOLDER_LABELS: Record<StanceHolder, string> = {
  source: "Source (the quoted speaker)",
  author: "Author / outlet",
  republisher: "Republisher / translator",
};

/** The span type of sentence-level labels (as stored in the annotations table). */
const SENTENCE = "SENTENCE";

export function isStanceHolder(value: unknown): value is StanceHolder {
  return typeof value === "string" && (STANCE_HOLDERS as readonly string[]).includes(value);
}

/**
 * The holder assumed when none is given: a QUOTE (or any type with a speaker attribute) carries
 * its speaker's stance, an EDITORIAL insertion the republisher's, everything else — CLAIM spans
 * and sentence labels — the article author's. `hasSpeaker` lets custom quote-like types default
 * to the source too.
 */
export function defaultStanceHolder(type: string | null, hasSpeaker = false): StanceHolder {
  const name = type?.toUpperCase() ?? SENTENCE; // Label Studio labels name types in any case
  if (name === SENTENCE) return "author";
  if (name === "QUOTE" || hasSpeaker) return "source";
  if (name === "EDITORIAL") return "republisher";
  return "author";
}

type Entry = { target: string; value: number; holder?: unknown };

/** The list with every missing or unknown holder replaced by the type's default. */
export function withDefaultHolders<T extends Entry>(list: readonly T[], type: string | null, hasSpeaker = false): (Omit<T, "holder"> & { holder: StanceHolder })[] {
  const fallback = defaultStanceHolder(type, hasSpeaker);
  return list.map((s) => ({ ...s, holder: isStanceHolder(s.holder) ? s.holder : fallback }));
}

/**
 * Attributes with their `stance` list given explicit holders (other keys untouched), so review
 * matching and agreement compare a stored default and an explicitly chosen one as equal.
 */
export function attributesWithHolders(attributes: Record<string, unknown>, type: string | null): Record<string, unknown> {
  const stance = attributes.stance;
  if (!Array.isArray(stance)) return attributes;
  const fallback = defaultStanceHolder(type, attributes.speaker !== undefined);
  return {
    ...attributes,
    stance: stance.map((s: unknown) =>
      typeof s === "object" && s !== null && !Array.isArray(s) ? { ...(s as Record<string, unknown>), holder: isStanceHolder((s as Entry).holder) ? (s as Entry).holder : fallback } : s,
    ),
  };
}
