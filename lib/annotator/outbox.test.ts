import { describe, expect, it } from "vitest";
import { applyOutbox, enqueue, rebase, type OutboxOp } from "./outbox";

const create = (id: string, n: number): OutboxOp => ({ kind: "create", id, body: { n } });
const update = (id: string, n: number, baseVersion: number): OutboxOp => ({ kind: "update", id, body: { n }, baseVersion });

describe("outbox", () => {
  it("an edit of a not-yet-sent annotation changes the create; a delete cancels it", () => {
    let q = enqueue([], create("a", 1));
    q = enqueue(q, update("a", 2, 0));
    expect(q).toEqual([{ kind: "create", id: "a", body: { n: 2 } }]);
    expect(enqueue(q, { kind: "delete", id: "a", baseVersion: 0 })).toEqual([]);
  });

  it("updates coalesce and keep the version the user first edited against", () => {
    let q = enqueue([], update("a", 1, 3));
    q = enqueue(q, update("a", 2, 4));
    expect(q).toEqual([{ kind: "update", id: "a", body: { n: 2 }, baseVersion: 3 }]);
    expect(enqueue(q, { kind: "delete", id: "a", baseVersion: 9 })).toEqual([{ kind: "delete", id: "a", baseVersion: 3 }]);
  });

  it("does not merge into the op being sent; rebase moves later ops onto the new version", () => {
    let q = enqueue([], create("a", 1));
    q = enqueue(q, update("a", 2, 0), "a");
    expect(q).toHaveLength(2);
    q = rebase(q.slice(1), "a", 1);
    expect(q).toEqual([{ kind: "update", id: "a", body: { n: 2 }, baseVersion: 1 }]);
  });

  it("re-creating a deleted annotation before the delete was sent restores it by update", () => {
    const q = enqueue([{ kind: "delete", id: "a", baseVersion: 4 }], create("a", 9));
    expect(q).toEqual([{ kind: "update", id: "a", body: { n: 9 }, baseVersion: 4 }]);
  });

  it("keeps independent annotations in order", () => {
    const q = enqueue(enqueue(enqueue([], create("a", 1)), create("b", 1)), update("a", 5, 0));
    expect(q.map((o) => [o.id, o.kind, (o as { body?: { n: number } }).body?.n])).toEqual([
      ["a", "create", 5],
      ["b", "create", 1],
    ]);
  });

  it("applies the queue over the server state", () => {
    const server = new Map([
      ["a", { id: "a", version: 2, n: 0 }],
      ["b", { id: "b", version: 1, n: 0 }],
    ]);
    const view = applyOutbox(server, [update("a", 7, 2), { kind: "delete", id: "b", baseVersion: 1 }, create("c", 3)], (id, body, prev) => ({
      id,
      version: prev?.version ?? 0,
      n: body.n as number,
    }));
    expect([...view.values()]).toEqual([
      { id: "a", version: 2, n: 7 },
      { id: "c", version: 0, n: 3 },
    ]);
  });
});
