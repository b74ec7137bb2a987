import "server-only";
import type { Sql } from "@/lib/db/sql";
import { storeSpeakers } from "@/lib/speakers/speaker-list";
import type { SpeakerRef } from "@/lib/validation/annotations";
import { resolveSpeaker } from "./resolve-speaker";

/**
 * Resolves every speaker of a quote (one at a time, on the caller's transaction) and returns the
 * speaker column and the attributes to store (`coSpeakers` for the second and later ones). An id
 * of another project's entity is refused by resolveSpeaker with a 400 naming the list position.
 */
export async function resolveSpeakers(
  tx: Sql,
  projectId: string,
  refs: readonly SpeakerRef[],
  attributes: Record<string, unknown>,
  path = "attributes.speaker",
): Promise<{ attributes: Record<string, unknown>; speakerId: string | null }> {
  const ids: string[] = [];
  for (const [i, ref] of refs.entries()) ids.push(await resolveSpeaker(tx, projectId, ref, refs.length > 1 ? `${path}.${i}` : path));
  return storeSpeakers(attributes, ids);
}
