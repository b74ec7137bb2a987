import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { DATASET_DOCUMENT_STATES, DEFAULT_DATASET_STATES, type DatasetFilter } from "@/lib/validation/datasets";

const listed = (ids: string[], max = 5) => ids.slice(0, max).join(", ") + (ids.length > max ? ` and ${ids.length - max} more` : "");

/**
 * Checks what a dataset filter names against the project (document ids, annotators) and returns it
 * normalised: states explicit and in a fixed order, lists without duplicates. The normalised filter
 * is what a version stores and its manifest shows, so it says exactly which documents were chosen.
 */
export async function resolveDatasetFilter(projectId: string, filter: DatasetFilter): Promise<DatasetFilter> {
  const states = new Set(filter.states?.length ? filter.states : DEFAULT_DATASET_STATES);
  // Empty lists and blank values select nothing extra: left out, so the stored filter is minimal.
  const out = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as DatasetFilter;
  out.states = DATASET_DOCUMENT_STATES.filter((s) => states.has(s));
  const fields: Record<string, string[]> = {};
  if (filter.documentIds?.length) {
    const ids = [...new Set(filter.documentIds)];
    const found = await prisma().document.findMany({ where: { projectId, id: { in: ids } }, select: { id: true } });
    const known = new Set(found.map((d) => d.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) fields["filter.documentIds"] = [`Not documents of this project: ${listed(unknown)}`];
    out.documentIds = ids;
  }
  if (filter.annotatorIds?.length) {
    const ids = [...new Set(filter.annotatorIds)];
    // A former member still counts when they have annotator assignments here.
    const [members, assigned] = await Promise.all([
      prisma().membership.findMany({ where: { projectId, userId: { in: ids }, roles: { has: "ANNOTATOR" } }, select: { userId: true } }),
      prisma().assignment.findMany({ where: { role: "ANNOTATOR", userId: { in: ids }, document: { projectId } }, select: { userId: true }, distinct: ["userId"] }),
    ]);
    const known = new Set([...members, ...assigned].map((m) => m.userId));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) fields["filter.annotatorIds"] = [`Not annotators of this project: ${listed(unknown)}`];
    out.annotatorIds = ids;
  }
  const first = Object.entries(fields)[0];
  if (first) throw new AppError("validation_failed", `Invalid input — ${first[0]}: ${first[1][0]}`, { details: { fields } });
  return out;
}

/** The message for a filter that selects nothing: no version is created. */
export function nothingMatches(filter: DatasetFilter): AppError {
  const onlySignedOff = filter.states?.length === 1 && filter.states[0] === "SIGNED_OFF";
  return new AppError(
    "invalid_state",
    onlySignedOff
      ? "No signed-off documents match this filter: sign off documents first, or widen the filter. No version was created."
      : "No documents match this filter: widen it. No version was created.",
  );
}
