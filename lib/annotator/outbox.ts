// The annotator's pending changes ("outbox"): pure logic, persisted by the page in IndexedDB.
// At most one queued op per annotation: new changes coalesce into it, so every annotation reaches
// the server exactly once per flush, with the version the user edited against.

export type AnnotationBody = Record<string, unknown>;

export type OutboxOp =
  | { kind: "create"; id: string; body: AnnotationBody }
  | { kind: "update"; id: string; body: AnnotationBody; baseVersion: number }
  | { kind: "delete"; id: string; baseVersion: number };

export type Versioned = { id: string; version: number };

/** Adds a change to the queue, merging it with a queued op for the same annotation. */
export function enqueue(queue: readonly OutboxOp[], op: OutboxOp, inFlightId?: string | null): OutboxOp[] {
  const index = queue.findIndex((q) => q.id === op.id && q.id !== inFlightId);
  if (index < 0) return [...queue, op];
  const previous = queue[index]!;
  const rest = queue.filter((_, i) => i !== index);
  let merged: OutboxOp | null;
  if (previous.kind === "create") {
    // Never sent: an edit just changes what will be created; a delete means nothing is sent.
    merged = op.kind === "delete" ? null : { kind: "create", id: op.id, body: op.body };
  } else if (previous.kind === "update") {
    merged = op.kind === "delete" ? { kind: "delete", id: op.id, baseVersion: previous.baseVersion } : { kind: "update", id: op.id, body: op.body, baseVersion: previous.baseVersion };
  } else if (op.kind === "create") {
    // Undo of a queued delete: the row still exists on the server, so restore it by update.
    merged = { kind: "update", id: op.id, body: op.body, baseVersion: previous.baseVersion };
  } else {
    merged = previous; // already deleted: later edits of a deleted annotation are moot
  }
  if (!merged) return rest;
  const copy = [...rest];
  copy.splice(index, 0, merged);
  return copy;
}

/** After the server accepted an op: later queued ops on the same annotation build on its version. */
export function rebase(queue: readonly OutboxOp[], id: string, version: number): OutboxOp[] {
  return queue.map((op) => (op.id === id && op.kind !== "create" ? { ...op, baseVersion: version } : op));
}

/** What the user sees: the server's annotations with the queued changes applied on top. */
export function applyOutbox<A extends Versioned>(server: ReadonlyMap<string, A>, queue: readonly OutboxOp[], materialise: (id: string, body: AnnotationBody, previous: A | undefined) => A): Map<string, A> {
  const view = new Map(server);
  for (const op of queue) {
    if (op.kind === "delete") view.delete(op.id);
    else view.set(op.id, materialise(op.id, op.body, view.get(op.id)));
  }
  return view;
}
