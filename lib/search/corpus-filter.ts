import "server-only";
import type { ProjectAccess } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { querySql as sql } from "@/lib/search/query-sql";
import { AppError } from "@/lib/errors";
import type { LabelSchema } from "@/lib/schema/label-schema";
import type { SqlParams } from "./sql-params";

// The filters shared by search and analytics, checked against the project (unknown type or
// target → 400, a speaker of another project → 404) and turned into SQL conditions. Layer
// visibility lives here too, so no query of lib/search or lib/analytics can forget it.

export type CorpusFilterInput = {
  type?: string;
  speaker?: string;
  target?: string;
  stance?: { lo: number; hi: number };
  holder?: string;
  layer?: string;
  state?: string;
  source?: string;
  language?: string;
  from?: string;
  to?: string;
  boilerplate?: boolean;
};

export type CorpusFilter = {
  projectId: string;
  viewerId: string;
  /** Managers, reviewers and admins read every layer; annotators only their own and signed-off gold. */
  seesAllLayers: boolean;
  layer: { kind: "gold" } | { kind: "any" } | { kind: "user"; userId: string };
  type?: string;
  speakerIds?: string[];
  target?: string;
  stance?: { lo: number; hi: number };
  state?: string;
  source?: string;
  language?: string;
  from?: string;
  to?: string;
  includeBoilerplate: boolean;
};

function invalid(field: string, message: string): AppError {
  return new AppError("validation_failed", message, { details: { fields: { [field]: [message] } } });
}

/** The entity and every entity merged into it (at any depth): its aliases and old names. */
async function speakerIdsOf(projectId: string, speakerId: string): Promise<string[]> {
  const rows = await sql().query<{ id: string }>(
    `WITH RECURSIVE merged AS (
       SELECT id FROM entities WHERE id = $1 AND project_id = $2
       UNION SELECT e.id FROM entities e JOIN merged m ON e.merged_into_id = m.id WHERE e.project_id = $2
     ) SELECT id FROM merged`,
    [speakerId, projectId],
  );
  if (rows.length === 0) throw new AppError("not_found", `Speaker ${speakerId} is not in this project's registry.`);
  return rows.map((r) => r.id);
}

export async function resolveCorpusFilter(
  user: AuthenticatedUser,
  access: ProjectAccess,
  schema: LabelSchema,
  input: CorpusFilterInput,
  defaultLayer: "gold" | "any",
): Promise<CorpusFilter> {
  if (input.holder !== undefined) {
    throw invalid("holder", "Stance holders are not part of this project's model yet; filter by speaker instead.");
  }
  const seesAllLayers = access.permissions.includes("review.view") || access.permissions.includes("assignments.manage");
  const layerText = input.layer ?? defaultLayer;
  const layer: CorpusFilter["layer"] = layerText.startsWith("user:") ? { kind: "user", userId: layerText.slice(5) } : { kind: layerText as "gold" | "any" };
  if (layer.kind === "user" && layer.userId !== user.id && !seesAllLayers) {
    throw new AppError("forbidden", "Only reviewers and managers can read another annotator's layer.");
  }
  if (input.type !== undefined && !schema.spanTypes.some((t) => t.name === input.type)) {
    throw invalid("type", `Unknown span type "${input.type}"; expected one of ${schema.spanTypes.map((t) => t.name).join(", ")}.`);
  }
  if (input.target !== undefined && !schema.stanceTargets.some((t) => t.name === input.target)) {
    throw invalid("target", `"${input.target}" is not a stance target of this project.`);
  }
  return {
    projectId: access.projectId,
    viewerId: user.id,
    seesAllLayers,
    layer,
    type: input.type,
    speakerIds: input.speaker !== undefined ? await speakerIdsOf(access.projectId, input.speaker) : undefined,
    target: input.target,
    stance: input.stance,
    state: input.state,
    source: input.source,
    language: input.language,
    from: input.from,
    to: input.to,
    includeBoilerplate: input.boilerplate ?? false,
  };
}

/** Conditions on the documents row `d` (project first, so every query is scoped). */
export function documentConditions(f: CorpusFilter, p: SqlParams, d = "d"): string[] {
  const out = [`${d}.project_id = ${p.add(f.projectId)}`];
  if (f.state) out.push(`${d}.state = ${p.add(f.state)}::"DocumentState"`);
  if (f.source) out.push(`${d}.source = ${p.add(f.source)}`);
  if (f.language) out.push(`${d}.language = ${p.add(f.language)}`);
  if (f.from) out.push(`${d}.published_at >= ${p.add(f.from)}::date`);
  if (f.to) out.push(`${d}.published_at < ${p.add(f.to)}::date + 1`);
  return out;
}

/** Which annotation rows the caller may see in the requested layer. */
export function layerConditions(f: CorpusFilter, p: SqlParams, a = "a", d = "d"): string[] {
  const out: string[] = [];
  if (f.layer.kind === "gold") out.push(`${a}.layer = 'GOLD'`);
  if (f.layer.kind === "user") out.push(`${a}.layer = 'ANNOTATOR' AND ${a}.author_id = ${p.add(f.layer.userId)}`);
  if (!f.seesAllLayers) {
    // Blind annotation: an annotator's own layer, and gold only once a document is signed off.
    out.push(`((${a}.layer = 'ANNOTATOR' AND ${a}.author_id = ${p.add(f.viewerId)}) OR (${a}.layer = 'GOLD' AND ${d}.state = 'SIGNED_OFF'))`);
  }
  return out;
}

export function hasAnnotationFilter(f: CorpusFilter): boolean {
  return f.type !== undefined || f.speakerIds !== undefined || f.target !== undefined || f.stance !== undefined;
}

/** Type, speaker and stance conditions on the annotation row `a`. */
export function annotationConditions(f: CorpusFilter, p: SqlParams, a = "a"): string[] {
  const out: string[] = [];
  if (f.type) out.push(`${a}.type = ${p.add(f.type)}`);
  if (f.speakerIds) out.push(`${a}.speaker_id = ANY(${p.add(f.speakerIds)}::text[])`);
  if (f.target !== undefined || f.stance !== undefined) {
    const tests: string[] = [];
    const vars: Record<string, unknown> = {};
    if (f.target !== undefined) {
      tests.push("@.target == $t");
      vars.t = f.target;
    }
    if (f.stance) {
      tests.push("@.value >= $lo && @.value <= $hi");
      vars.lo = f.stance.lo;
      vars.hi = f.stance.hi;
    }
    out.push(`jsonb_path_exists(${a}.attributes, ${p.add(`$.stance[*] ? (${tests.join(" && ")})`)}::jsonpath, ${p.add(JSON.stringify(vars))}::jsonb)`);
  }
  return out;
}
