import "server-only";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/change-annotation";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { querySql as sql } from "@/lib/search/query-sql";
import { isAppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { annotateMatchesSchema } from "@/lib/validation/search";
import { z } from "@/lib/validation/zod";

// "Annotate all occurrences": one span of the chosen type on each selected match, through the
// ordinary save path — so each is checked against the caller's assignment and the schema, and
// audited — and undone through the ordinary delete (also audited).

export type MatchOutcome = { documentId: string; start: number; end: number; annotationId?: string; version?: number; error?: string };

export async function annotateMatches(user: AuthenticatedUser, projectId: string, input: unknown): Promise<MatchOutcome[]> {
  await requireProjectPermission(user, projectId, "annotations.write");
  const data = parseOrThrow(annotateMatchesSchema, input);
  const inProject = new Set(
    (await sql().query<{ id: string }>(`SELECT id FROM documents WHERE project_id = $1 AND id = ANY($2::text[])`, [projectId, data.matches.map((m) => m.documentId)])).map((r) => r.id),
  );
  const outcomes: MatchOutcome[] = [];
  for (const match of data.matches) {
    if (!inProject.has(match.documentId)) {
      outcomes.push({ ...match, error: "This document is not in the project." });
      continue;
    }
    try {
      const { annotation } = await createAnnotation(user, match.documentId, { type: data.type, start: match.start, end: match.end, attributes: data.attributes ?? {} });
      outcomes.push({ ...match, annotationId: annotation.id, version: annotation.version });
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcomes.push({ ...match, error: error.message });
    }
  }
  return outcomes;
}

const undoSchema = z.object({ annotations: z.array(z.object({ id: z.string().min(1).max(64), version: z.number().int().min(1) })).min(1).max(200) }).strict();

/** Deletes the spans a previous annotateMatches created (each with the version it returned). */
export async function undoAnnotateMatches(user: AuthenticatedUser, projectId: string, input: unknown): Promise<{ undone: number; errors: string[] }> {
  await requireProjectPermission(user, projectId, "annotations.write");
  const data = parseOrThrow(undoSchema, input);
  let undone = 0;
  const errors: string[] = [];
  for (const a of data.annotations) {
    try {
      await deleteAnnotation(user, a.id, { version: a.version });
      undone++;
    } catch (error) {
      if (!isAppError(error)) throw error;
      errors.push(error.message);
    }
  }
  return { undone, errors };
}
