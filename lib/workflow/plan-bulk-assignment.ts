// Balanced, deterministic bulk assignment: each document gets annotators until it has k, always
// taking the least-loaded eligible annotator (ties broken by the order of `annotators`).
export type BulkDocument = { id: string; annotatorIds: readonly string[] };
export type BulkAnnotator = { id: string; load: number };

export type BulkPlan = {
  assignments: { documentId: string; userId: string }[];
  /** Documents that already had k (or more) annotators. */
  alreadyCovered: string[];
};

export function planBulkAssignment(documents: readonly BulkDocument[], annotators: readonly BulkAnnotator[], k: number): BulkPlan {
  if (!Number.isInteger(k) || k < 1) throw new RangeError("k must be a positive integer");
  const load = new Map(annotators.map((a) => [a.id, a.load]));
  const order = new Map(annotators.map((a, i) => [a.id, i]));
  const assignments: BulkPlan["assignments"] = [];
  const alreadyCovered: string[] = [];
  for (const document of documents) {
    const taken = new Set(document.annotatorIds);
    const need = k - taken.size;
    if (need <= 0) {
      alreadyCovered.push(document.id);
      continue;
    }
    const chosen = annotators
      .filter((a) => !taken.has(a.id))
      .sort((a, b) => load.get(a.id)! - load.get(b.id)! || order.get(a.id)! - order.get(b.id)!)
      .slice(0, need);
    for (const annotator of chosen) {
      assignments.push({ documentId: document.id, userId: annotator.id });
      load.set(annotator.id, load.get(annotator.id)! + 1);
    }
  }
  return { assignments, alreadyCovered };
}
