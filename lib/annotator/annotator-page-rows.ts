import "server-only";
import { sql } from "@/lib/db/sql";
import type { AnnotationRow } from "@/lib/annotations/annotation-dto";
import type { AnnotationLayer, EntityType } from "@/lib/generated/prisma/client";

/** What the annotator page reads about one document, in one row (see `annotatorPageRows`). */
export type AnnotatorPageRows = {
  id: string;
  projectId: string;
  title: string;
  state: string;
  textSha256: string;
  sentenceCount: number;
  labelSchema: unknown;
  boilerplate: number[];
  assignments: { id: string; state: "ASSIGNED" | "IN_PROGRESS" | "SUBMITTED"; userId: string; name: string }[];
  entities: { id: string; name: string; aliases: string[]; type: EntityType }[];
  /** The annotator layer `authorId` wrote, in text order; null when no author was asked for. */
  layer: (Omit<AnnotationRow, "updatedAt"> & { updatedAt: string })[] | null;
};

// One statement instead of seven builder queries: the page's server time went mostly to Prisma's
// per-query work (building, planning, converting rows), not to PostgreSQL. Orders match the
// builder's: assignments by creation, entities by name, the layer by start, sentence, id
// (ascending, nulls last, as PostgreSQL sorts them).
const STATEMENT = `
SELECT d.id, d.project_id AS "projectId", d.title, d.state::text AS state, d.text_sha256 AS "textSha256",
  d.sentence_count AS "sentenceCount", p.label_schema AS "labelSchema",
  ARRAY(SELECT s."index" FROM sentences s WHERE s.document_id = d.id AND s.kind = 'BOILERPLATE' ORDER BY s."index") AS boilerplate,
  COALESCE((SELECT json_agg(json_build_object('id', a.id, 'state', a.state, 'userId', a.user_id, 'name', u.name) ORDER BY a.created_at, a.id)
    FROM assignments a JOIN users u ON u.id = a.user_id WHERE a.document_id = d.id AND a.role = 'ANNOTATOR'), '[]') AS assignments,
  COALESCE((SELECT json_agg(json_build_object('id', e.id, 'name', e.name, 'aliases', e.aliases, 'type', e.type) ORDER BY e.name)
    FROM entities e WHERE e.project_id = d.project_id AND e.merged_into_id IS NULL), '[]') AS entities,
  CASE WHEN $2::text IS NULL THEN NULL ELSE COALESCE((SELECT json_agg(json_build_object(
      'id', an.id, 'documentId', an.document_id, 'layer', an.layer, 'authorId', an.author_id, 'type', an.type,
      'start', an.start, 'end', an."end", 'gaps', an.gaps, 'sentenceIndex', an.sentence_index, 'attributes', an.attributes,
      'origin', an.origin, 'version', an.version, 'updatedAt', an.updated_at AT TIME ZONE 'UTC',
      'speaker', CASE WHEN sp.id IS NULL THEN NULL ELSE json_build_object('id', sp.id, 'name', sp.name, 'type', sp.type) END
    ) ORDER BY an.start, an.sentence_index, an.id)
    FROM annotations an LEFT JOIN entities sp ON sp.id = an.speaker_id
    WHERE an.document_id = d.id AND an.layer = 'ANNOTATOR' AND an.author_id = $2), '[]') END AS layer
FROM documents d JOIN projects p ON p.id = d.project_id
WHERE d.id = $1`;

/**
 * The document, its project's label schema, boilerplate sentence indexes, annotator assignments,
 * the project's live entities and (given `authorId`) that author's annotator layer — or null for an
 * unknown document. No access check: the caller checks access to the document's project first
 * and compares `projectId` with it.
 */
export async function annotatorPageRows(documentId: string, authorId: string | null): Promise<AnnotatorPageRows | null> {
  const [row] = await sql({ prepared: true }).query<AnnotatorPageRows>(STATEMENT, [documentId, authorId]);
  return row ?? null;
}

/** A layer row as `toAnnotationDto` takes it. */
export function annotationRowOf(row: NonNullable<AnnotatorPageRows["layer"]>[number]): AnnotationRow {
  return { ...row, layer: row.layer as AnnotationLayer, updatedAt: new Date(row.updatedAt) };
}
