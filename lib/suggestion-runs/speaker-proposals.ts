import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { proposeMerges } from "@/lib/suggestions";
import { speakerResolver } from "./resolve-speakers";

export type SpeakerProposals = {
  /** Speaker names of pending quote suggestions that match no registry entity (spellings that differ only in case counted together), most quoted first. */
  newNames: { name: string; quotes: number }[];
  /** Pairs that look like two spellings of one name ("Lukashenka" ~ "Lukashenko"). */
  merges: { a: { id: string | null; name: string }; b: { id: string | null; name: string }; score: number }[];
};

const MAX_NAMES = 100;

export async function listSpeakerProposals(user: AuthenticatedUser, projectId: string): Promise<SpeakerProposals> {
  await requireProjectPermission(user, projectId, "suggestions.manage");
  const [rows, speakers] = await Promise.all([
    prisma().$queryRaw<{ name: string; quotes: number }[]>`
      SELECT min(s.speaker_name) AS name, count(*)::int AS quotes
      FROM suggestions s JOIN documents d ON d.id = s.document_id
      WHERE d.project_id = ${projectId} AND s.status = 'PENDING' AND s.entity_id IS NULL AND s.speaker_name IS NOT NULL
      GROUP BY lower(s.speaker_name)
      ORDER BY quotes DESC, name ASC`,
    speakerResolver(projectId),
  ]);
  // Names the registry has learnt since the run (a new entity or alias) are no longer new.
  const newNames = rows.filter((r) => speakers.resolve(null, r.name) === null).slice(0, MAX_NAMES);
  const names = new Map(speakers.active.map((e) => [e.id, e.name]));
  const side = (ref: string) => (ref.startsWith("proposed:") ? { id: null, name: ref.slice("proposed:".length) } : { id: ref, name: names.get(ref) ?? ref });
  // The suggesters do not store a speaker's type; people are by far the most quoted.
  const merges = proposeMerges(speakers.active, newNames.map((n) => ({ name: n.name, type: "PERSON" as const }))).map((m) => ({ a: side(m.a), b: side(m.b), score: m.score }));
  return { newNames, merges };
}
