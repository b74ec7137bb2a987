// Several speakers on one quote ("the two leaders said"). The first speaker stays in the
// annotation's speaker column (so single-speaker data, the entity registry's merge and every
// reader of that column keep working); further speakers are stored, in order, as entity ids in
// `attributes.coSpeakers`. The API takes `speaker` as one reference or a list of them.
import { speakerRefSchema, type SpeakerRef } from "@/lib/validation/speaker-ref";

export const CO_SPEAKERS = "coSpeakers";
export const MAX_SPEAKERS = 20;

type Parsed = { refs: SpeakerRef[]; errors: { path: string; message: string }[] };

const refKey = (r: SpeakerRef) => ("id" in r ? `id:${r.id}` : `name:${r.name.trim().toLowerCase()}`);

/**
 * `speaker` as given (one reference or a list) plus stored further speakers (`coSpeakers`: entity
 * ids or `{id}`), as one ordered list. Errors carry a path suffix relative to the attribute.
 */
export function parseSpeakerList(value: unknown, stored: unknown): Parsed {
  const errors: Parsed["errors"] = [];
  const refs: SpeakerRef[] = [];
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  if (Array.isArray(value) && value.length === 0) errors.push({ path: "", message: "An empty list names no speaker; send one speaker or a list of at least one" });
  list.forEach((item, i) => {
    const parsed = speakerRefSchema.safeParse(item);
    if (parsed.success) refs.push(parsed.data);
    else errors.push({ path: Array.isArray(value) ? `.${i}` : "", message: "Speaker must be {id} of a project entity or {name} of a new one" });
  });
  if (stored !== undefined && stored !== null) {
    if (!Array.isArray(stored)) errors.push({ path: `:${CO_SPEAKERS}`, message: `${CO_SPEAKERS} must be a list of entity ids` });
    else
      stored.forEach((item, i) => {
        const id = typeof item === "string" ? item : typeof item === "object" && item !== null ? (item as { id?: unknown }).id : undefined;
        if (typeof id === "string" && id !== "") refs.push({ id });
        else errors.push({ path: `:${CO_SPEAKERS}.${i}`, message: "Must be the id of a project entity" });
      });
  }
  const seen = new Set<string>();
  refs.forEach((r, i) => {
    const key = refKey(r);
    if (seen.has(key)) errors.push({ path: Array.isArray(value) ? `.${i}` : "", message: `The speaker ${"id" in r ? r.id : JSON.stringify(r.name)} is listed twice` });
    seen.add(key);
  });
  if (refs.length > MAX_SPEAKERS) errors.push({ path: "", message: `At most ${MAX_SPEAKERS} speakers` });
  return { refs, errors };
}

/** The further speakers' entity ids stored on an annotation (beyond the speaker column). */
export function coSpeakerIds(attributes: Record<string, unknown>): string[] {
  const stored = attributes[CO_SPEAKERS];
  return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string" && id !== "") : [];
}

/** Resolved speaker ids → the speaker column and the attributes to store. */
export function storeSpeakers(attributes: Record<string, unknown>, ids: readonly string[]): { attributes: Record<string, unknown>; speakerId: string | null } {
  const unique = [...new Set(ids)];
  const rest = { ...attributes };
  delete rest[CO_SPEAKERS];
  if (unique.length > 1) rest[CO_SPEAKERS] = unique.slice(1);
  return { attributes: rest, speakerId: unique[0] ?? null };
}

/**
 * Attributes for review matching and agreement: the speakers as one set-valued `speaker`
 * ({id: sorted ids joined by "+"}), so two annotators agree when they name the same speakers in
 * any order, and `coSpeakers` is not compared on its own.
 */
export function withSpeakerSet(attributes: Record<string, unknown>, speakerId: string | null): Record<string, unknown> {
  const ids = [...new Set([...(speakerId ? [speakerId] : []), ...coSpeakerIds(attributes)])].sort();
  const rest = { ...attributes };
  delete rest[CO_SPEAKERS];
  if (ids.length > 0) rest.speaker = { id: ids.join("+") };
  return rest;
}
