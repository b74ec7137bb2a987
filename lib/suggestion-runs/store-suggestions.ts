import "server-only";
import { prisma } from "@/lib/db/prisma";
import { runExternalSuggesters } from "@/lib/external-suggesters/run-external";
import { projectSettingsOf } from "@/lib/projects/settings";
import { suggestForDocument } from "@/lib/suggestions";
import type { RegistryEntity } from "@/lib/suggestions";
import type { LabelSchema } from "@/lib/schema/label-schema";

export type StoreOutcome = {
  /** New PENDING suggestions written. */
  stored: number;
  /** Suggestions already accepted or rejected, left as they were. */
  kept: number;
  /** Quotes whose speaker matched a registry entity. */
  matchedSpeakers: number;
  /** Speaker names not in the registry, proposed as new entities. */
  proposedEntities: string[];
  /** External suggesters that failed on this document (each recorded on its row). */
  externalFailures: number;
};

const spanKey = (s: { type: string; start: number; end: number }) => `${s.type}:${s.start}:${s.end}`;

/**
 * Runs the suggesters the project has switched on over one document and replaces its PENDING
 * suggestions. Decided ones stay, and a span already decided is not proposed again, so a
 * re-run never undoes an annotator's "reject". Returns null when the document no longer exists.
 */
export async function storeSuggestionsForDocument(documentId: string): Promise<StoreOutcome | null> {
  const document = await prisma().document.findUnique({
    where: { id: documentId },
    select: {
      text: true,
      projectId: true,
      project: { select: { settings: true, labelSchema: true } },
      sentences: { orderBy: { index: "asc" }, select: { start: true, end: true, kind: true } },
    },
  });
  if (!document) return null;
  const entities = await prisma().entity.findMany({
    // Merged entities live on as aliases of the entity they were merged into.
    where: { projectId: document.projectId, mergedIntoId: null },
    select: { id: true, name: true, aliases: true, type: true },
  });
  const registry: RegistryEntity[] = entities.map((e) => ({ ...e, aliases: e.aliases.filter((a) => a.trim().length > 0) }));
  const { suggesters } = projectSettingsOf(document.project.settings);
  const output = suggestForDocument({
    text: document.text,
    sentences: document.sentences.map((s) => ({ start: s.start, end: s.end, kind: s.kind === "BOILERPLATE" ? "boilerplate" : "content" })),
    entities: registry,
    enabled: suggesters,
  });
  // Outside the transaction: a slow service must not hold a connection or the document's lock.
  const external = await runExternalSuggesters({ id: documentId, projectId: document.projectId, text: document.text, labelSchema: document.project.labelSchema as LabelSchema });
  const proposed = [...output.suggestions, ...external.suggestions];

  return prisma().$transaction(async (tx) => {
    // One run per document at a time: a second run waits here instead of interleaving its rows.
    await tx.$queryRaw`SELECT id FROM documents WHERE id = ${documentId} FOR UPDATE`;
    await tx.suggestion.deleteMany({ where: { documentId, status: "PENDING" } });
    const decided = await tx.suggestion.findMany({ where: { documentId }, select: { type: true, start: true, end: true } });
    const decidedKeys = new Set(decided.map(spanKey));
    const fresh = proposed.filter((s) => !decidedKeys.has(spanKey(s)));
    if (fresh.length > 0) {
      // One INSERT … SELECT FROM unnest(arrays): a 5,000-sentence document yields ~2,000 rows, and
      // createMany through the driver adapter takes over a second for that; this takes tens of ms.
      await tx.$executeRaw`INSERT INTO suggestions (id, document_id, suggester, rule, type, start, "end", attributes, speaker_name, entity_id, confidence)
        SELECT gen_random_uuid()::text, ${documentId}, s.suggester, s.rule, s.type, s.start, s."end", s.attributes::jsonb, s.speaker_name, s.entity_id, s.confidence
        FROM unnest(${fresh.map((x) => x.suggester)}::text[], ${fresh.map((x) => x.rule)}::text[], ${fresh.map((x) => x.type)}::text[],
                    ${fresh.map((x) => x.start)}::int[], ${fresh.map((x) => x.end)}::int[], ${fresh.map((x) => JSON.stringify(x.attributes))}::text[],
                    ${fresh.map((x) => ("speakerName" in x ? x.speakerName : null) ?? null)}::text[],
                    ${fresh.map((x) => ("entityId" in x ? x.entityId : null) ?? null)}::text[],
                    ${fresh.map((x) => x.confidence)}::float8[])
          AS s(suggester, rule, type, start, "end", attributes, speaker_name, entity_id, confidence)`;
    }
    // No audit event per run: suggestions are proposals, not annotations; the SUGGEST task row
    // records the run, and each accept/reject is audited when an annotator decides.
    return {
      stored: fresh.length,
      kept: decided.length,
      matchedSpeakers: fresh.filter((s) => "entityId" in s && s.entityId).length,
      proposedEntities: output.proposedEntities.map((p) => p.name),
      externalFailures: external.failures,
    };
    // A 5 MB article yields ~50,000 suggestions: replacing them takes seconds, not Prisma's 5 s default.
  }, { timeout: 60_000 });
}
